package org.medsign.signing.batch;

import java.util.List;

/** The answer to a batch: counts ("成功完成N筆簽章" counts SIGNED and ALREADY_SIGNED) and each item's result. */
public record BatchResult(String batchId, int signed, int refused, List<ItemResult> items) {
}
