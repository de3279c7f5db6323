package org.medsign.signing.batch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * 批次簽章 (M23): the batch id (the app's, so a retry is recognised), the signing device and the items. The
 * constraints are the request's shape; the batch size (configurable) and the device's binding are rules of
 * {@link BatchSigningService}.
 */
public record SignRequest(@NotNull @Pattern(regexp = SignRequest.BATCH_ID) String batchId,
                          String deviceId,
                          @NotNull List<@NotNull @Valid SignItem> items) {

    /** The app's batch id: letters, digits and dashes (a UUID fits). */
    public static final String BATCH_ID = "[A-Za-z0-9-]{8,36}";
}
