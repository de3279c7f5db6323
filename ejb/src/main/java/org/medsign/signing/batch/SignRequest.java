package org.medsign.signing.batch;

import java.util.List;

/** 批次簽章 (M23): the batch id (the app's, so a retry is recognised), the signing device and the items. */
public record SignRequest(String batchId, String deviceId, List<SignItem> items) {
}
