package org.medsign.signing.export;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.credential.TimeStampAuthority;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;
import org.medsign.signing.evidence.SignatureArchive;
import org.medsign.signing.evidence.VerificationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * IT's and auditors' evidence export: the record version a stored signature signed, as an ASiC-E container. The
 * signature is re-verified for the report it carries; the record's bytes come from the HIS, which must still hold
 * that version (else MS-5020: a container without the signed content would prove nothing). Audited either way.
 */
@Stateless
@RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class EvidenceExport {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Resource
    SessionContext caller;

    @Inject
    SignatureArchive archive;

    @Inject
    TimeStampAuthority tsa;

    @Inject
    AuditLog audit;

    /** The container's file name and bytes. */
    public record Container(String fileName, byte[] bytes) {
    }

    public Container export(long signatureId) {
        String me = caller.getCallerPrincipal().getName();
        SignatureArchive.Verified verified = archive.verifiedWithEvidence(signatureId);
        VerificationReport report = verified.report();
        byte[] cms = verified.cms();
        byte[] content = verified.content();
        String version = "record " + report.recordId() + " v" + report.recordVersion();
        if (content == null) {
            audit.record(new AuditRecord(AuditAction.EVIDENCE_EXPORTED, AuditOutcome.FAILURE, me,
                    "signature " + signatureId, ErrorCode.RECORD_VERSION_NOT_HELD, null, version));
            throw new MedsignException(ErrorCode.RECORD_VERSION_NOT_HELD, report.recordId(), report.recordVersion());
        }
        String base = "record-" + report.recordId() + "-v" + report.recordVersion();
        byte[] container = EvidenceContainer.write(List.of(
                new AsicManifest.DataObject(base + ".bin", "application/octet-stream", content),
                new AsicManifest.DataObject("signature-" + signatureId + ".p7s", "application/pkcs7-signature", cms),
                new AsicManifest.DataObject("validation-report.json", "application/json",
                        JSON.toJson(report).getBytes(StandardCharsets.UTF_8))), this::timestamp);
        audit.record(new AuditRecord(AuditAction.EVIDENCE_EXPORTED, AuditOutcome.SUCCESS, me, "signature " + signatureId,
                null, null, version + ", " + report.indication().name()));
        return new Container(base + ".asice", container);
    }

    private byte[] timestamp(byte[] manifest) {
        try {
            return tsa.stamp(manifest).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
