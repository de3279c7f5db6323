package org.medsign.credential;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * IT's TSA key rollover from the portal (憑證管理), the same operation as JMX's {@code rollTimestampKey}: a new key
 * with a certificate from the issuing CA; earlier tokens keep their own certificate. Audited with the new serial.
 */
@Stateless
@RolesAllowed(Role.IT_ADMIN_NAME)
public class TimestampKeys {

    @Resource
    SessionContext caller;

    @Inject
    TimeStampAuthority tsa;

    @Inject
    AuditLog audit;

    /** The certificate new timestamps carry (Serializable: IT's certificate page keeps it in its view state). */
    public record TsaView(String serial, Instant notBefore, Instant notAfter) implements java.io.Serializable {

        static TsaView of(X509Certificate certificate) {
            return new TsaView(certificate.getSerialNumber().toString(16), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant());
        }
    }

    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public TsaView current() {
        return TsaView.of(tsa.certificate());
    }

    public TsaView roll() {
        String me = caller.getCallerPrincipal().getName();
        try {
            TsaView rolled = TsaView.of(tsa.rollKey());
            audit.record(new AuditRecord(AuditAction.TSA_KEY_ROLLED, AuditOutcome.SUCCESS, me, "TSA " + rolled.serial(),
                    null, null, "valid until " + rolled.notAfter()));
            return rolled;
        } catch (RuntimeException e) {
            // a key store that is not medsign's to write (an HSM: provision the key there), or the CA failing
            audit.record(new AuditRecord(AuditAction.TSA_KEY_ROLLED, AuditOutcome.FAILURE, me, "TSA",
                    ErrorCode.INTERNAL_ERROR, null, null));
            throw new MedsignException(ErrorCode.INTERNAL_ERROR);
        }
    }
}
