package org.medsign.signing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.medsign.error.ErrorCatalogue;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.signing.batch.BatchResult;
import org.medsign.signing.batch.BatchSigningService;
import org.medsign.signing.batch.SignRequest;
import org.medsign.signing.eportal.EPortal;
import org.medsign.signing.evidence.SignatureArchive;
import org.medsign.signing.evidence.SignatureSummary;
import org.medsign.signing.evidence.VerificationReport;
import org.medsign.signing.pending.PendingContent;
import org.medsign.signing.pending.PendingList;
import org.medsign.signing.pending.RecordToRead;
import org.medsign.kernel.Role;
import org.medsign.kernel.latency.Latencies;
import org.medsign.kernel.latency.TimedOperation;
import org.medsign.transport.ClientAddress;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** E Portal: bind (M19), list (M22), read, refresh (M24) and batch-sign (M23), for the logged-in app. */
@RolesAllowed(Role.STAFF_NAME)
@Path("/v1")
public class SigningResource {

    @Inject
    EPortal eportal;

    @Inject
    PendingContent pending;

    @Inject
    BatchSigningService signing;

    @Inject
    SignatureArchive archive;

    @Inject
    Latencies latencies;

    @Context
    HttpServletRequest http;

    @Context
    HttpHeaders headers;

    @POST
    @Path("eportal/bindings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "E Portal 綁定裝置 (M19), from the hospital intranet only",
            description = "deviceSignature: base64, by the device key, over \"medsign-eportal-v1\\n<employee number>\\n<deviceId>\".")
    @APIResponse(responseCode = "403", description = "MS-5012 not on the intranet, MS-3014 not your device")
    public Bound bind(@NotNull @Valid Binding binding) {
        Instant at = eportal.bind(binding.deviceId(), binding.deviceSignature(), ClientAddress.of(http));
        return new Bound(binding.deviceId(), at, "裝置綁定員工編號完成");
    }

    @GET
    @Path("pending")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "批次簽章作業 (M22): my unsigned records of the last two months, newest first; "
            + "with content=true each carries its canonical bytes (base64) to sign")
    public PendingList pending(@QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("50") int size,
                               @QueryParam("content") @DefaultValue("false") boolean content) {
        // JAX-RS reads any word but "true" as false: refuse what is neither, as an app that sent it has a bug
        String asked = http.getParameter("content");
        if (asked != null && !asked.equalsIgnoreCase("true") && !asked.equalsIgnoreCase("false")) {
            throw new MedsignException(ErrorCode.MALFORMED_REQUEST, "content");
        }
        return latencies.time(TimedOperation.PENDING_LIST, () -> pending.mine(page, size, content));
    }

    @GET
    @Path("pending/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One pending record to read before signing: its fields and the exact text that is signed")
    @APIResponse(responseCode = "404", description = "MS-5007 not pending or not mine")
    public RecordToRead record(@PathParam("id") long id) {
        return pending.myRecord(id);
    }

    @POST
    @Path("pending/refresh")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "重新整理 (M24): read my unsigned records from the HIS now")
    public PendingList refresh() {
        return pending.refreshMine();
    }

    @POST
    @Path("signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "簽章 (M23): a batch of up to 250 CMS signatures, each checked on its own",
            description = "Each item: recordId, cms (base64 DER CMS SignedData, detached, SHA-256, signed attributes "
                    + "contentType, messageDigest, signingTime, signingCertificateV2, over the record's canonical bytes), "
                    + "delayReason (required when the record was made more than 24 hours ago). batchId: the app's id "
                    + "for the batch; sending it again is safe (nothing is signed twice).")
    @APIResponse(responseCode = "200", description = "Per-item results; message 成功完成N筆簽章, or what was not signed")
    @APIResponse(responseCode = "403", description = "MS-5013 device not bound to E Portal")
    @APIResponse(responseCode = "413", description = "MS-5001 more than 250 items")
    public Signed sign(@NotNull @Valid SignRequest request) {
        Locale locale = ErrorCatalogue.supported(headers.getAcceptableLanguages().isEmpty() ? null
                : headers.getAcceptableLanguages().get(0));
        BatchResult result = latencies.time(TimedOperation.BATCH_SIGNING, () -> signing.sign(request, locale));
        return new Signed(result, BatchSummary.line(result, locale));
    }

    @GET
    @Path("signatures")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "My stored signatures, newest first")
    public List<SignatureSummary> signatures(@QueryParam("max") @DefaultValue("50") int max) {
        if (max < 1) {
            throw new MedsignException(ErrorCode.MALFORMED_REQUEST, "max");
        }
        return archive.mine(max);
    }

    @GET
    @RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    @Path("signatures/{id}/cms")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The stored signature as kept: CMS SignedData (CAdES-T) in base64 DER, for outside verifiers")
    @APIResponse(responseCode = "404", description = "MS-5017 no such signature, or not yours")
    public StoredCms cms(@PathParam("id") long id) {
        return new StoredCms(id, Base64.getEncoder().encodeToString(archive.cms(id)));
    }

    @GET
    @RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    @Path("signatures/{id}/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-verifies a stored signature and answers with the verification report",
            description = "Checks FORMAT, CONTENT_DIGEST (against the HIS when it still holds the signed version), "
                    + "SIGNING_CERTIFICATE, SIGNATURE_VALUE, TIMESTAMP (RFC 3161, medsign's TSA), CERTIFICATE_CHAIN, "
                    + "REVOCATION (before the timestamp) and LONG_TERM_EVIDENCE (the archive timestamps, and until when "
                    + "the newest holds); indication TOTAL_PASSED, TOTAL_FAILED or INDETERMINATE. asOf (an ISO-8601 "
                    + "instant, or a date in Taiwan's time) validates as of that time instead of now. "
                    + "Staff verify their own signatures, IT and auditors anyone's.")
    @APIResponse(responseCode = "400", description = "MS-1003 asOf is not a date or an instant")
    @APIResponse(responseCode = "404", description = "MS-5017 no such signature, or not yours")
    public VerificationReport verification(@PathParam("id") long id, @QueryParam("asOf") String asOf) {
        return archive.verify(id, ValidationTime.parse(asOf));
    }

    /** A stored signature's CMS, base64 DER. */
    public record StoredCms(long id, String cms) {
    }

    /** The device's proof for E Portal binding. */
    public record Binding(@NotBlank String deviceId, @NotBlank String deviceSignature) {
    }

    /** 裝置綁定員工編號完成. */
    public record Bound(String deviceId, Instant boundAt, String message) {
    }

    /** The batch's results and the line the app shows (M23). */
    public record Signed(BatchResult result, String message) {
    }
}
