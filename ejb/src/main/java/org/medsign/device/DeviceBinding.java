package org.medsign.device;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.time.Instant;

/**
 * 線上綁定裝置 (M9), called by a phone that is not logged in: the ticket and its code are the credential.
 * Everything the phone sends is checked before the ticket is touched (app version, key strength, proof of
 * possession); then {@link BindingDesk} redeems the ticket. Every refusal is audited with its code.
 */
@Stateless
@PermitAll
public class DeviceBinding {

    @Inject
    BindingDesk desk;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "medsign.mobile.min-app-version", defaultValue = "1.0.22")
    String minAppVersion;

    @Inject
    @ConfigProperty(name = "medsign.mobile.min-app-build", defaultValue = "8")
    int minAppBuild;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BoundDevice bind(BindRequest request, String clientAddress) {
        // the request's shape was checked by its constraints at the API (BindRequest)
        String ticket = request.ticket();
        BindingDesk.Outcome outcome;
        try {
            checkAppVersion(request.device());
            DeviceKey key = DeviceKey.parse(request.publicKey());
            key.verifyBindingProof(ticket, request.proof());
            outcome = desk.redeem(ticket, request.code(), key, request.device(), Instant.now());
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.DEVICE_BOUND, "anonymous", ticket, e.errorCode(), clientAddress));
            throw e;
        }
        if (outcome.refusal() != null) {
            String actor = outcome.owner() == null ? "anonymous" : outcome.owner();
            audit.record(AuditRecord.failure(AuditAction.DEVICE_BOUND, actor, ticket, outcome.refusal(), clientAddress));
            throw new MedsignException(outcome.refusal(), outcome.arguments());
        }
        BoundDevice device = outcome.device();
        audit.record(AuditRecord.success(AuditAction.DEVICE_BOUND, device.owner(), device.deviceId(), clientAddress));
        return device;
    }

    private void checkAppVersion(DeviceInfo info) {
        AppVersion minimum = AppVersion.of(minAppVersion, minAppBuild);
        try {
            if (AppVersion.of(info.appVersion(), info.appBuild()).compareTo(minimum) >= 0) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // a version we cannot read is as good as too old
        }
        throw new MedsignException(ErrorCode.APP_TOO_OLD, minimum.toString());
    }
}
