package org.medsign.credential.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.medsign.credential.CertificateDownload;
import org.medsign.credential.CertificateRegistry;
import org.medsign.credential.CertificateView;
import org.medsign.credential.EnrolRequest;
import org.medsign.credential.Enrolment;
import org.medsign.credential.IssuedCertificate;
import org.medsign.credential.Pki;
import org.medsign.kernel.Role;
import org.medsign.transport.ClientAddress;
import org.medsign.transport.Transport;
import org.medsign.kernel.latency.Latencies;
import org.medsign.kernel.latency.TimedOperation;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

/** Enrolment, download, acknowledgement and status for the logged-in app (bearer token). */
@RolesAllowed(Role.STAFF_NAME)
@Path("/v1")
public class CredentialResource {

    @Inject
    Enrolment enrolment;

    @Inject
    CertificateDownload download;

    @Inject
    CertificateRegistry registry;

    @Inject
    Transport transport;

    @Inject
    Latencies latencies;

    @Context
    HttpServletRequest http;

    @POST
    @Path("enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "憑證申請 (M15–M16): redeem the enrolment ticket with a PKCS#10 request",
            description = "csr: base64 DER or PEM PKCS#10 for a key the phone generated (EC P-256 or RSA >= 2048), subject "
                    + "empty or CN=<employee number>; deviceSignature: base64 signature by the chosen device's key over "
                    + "\"medsign-enrol-v1\\n<ticket>\\n<hex SHA-256 of the DER CSR>\".")
    @APIResponse(responseCode = "201", description = "Issued (正常)")
    @APIResponse(responseCode = "400", description = "MS-4003 invalid CSR, MS-4005 subject, MS-4012 weak key, MS-3003 wrong code")
    @APIResponse(responseCode = "403", description = "MS-4004 ticket of another account or device, MS-3004 locked")
    @APIResponse(responseCode = "409", description = "MS-4006 key already used, MS-3006 ticket used")
    public Response enrol(@NotNull @Valid EnrolRequest request) {
        IssuedCertificate issued = latencies.time(TimedOperation.CERTIFICATE_ISSUANCE,
                () -> enrolment.enrol(request, transport.pkiBase(http), ClientAddress.of(http)));
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    @Path("certificates")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "My certificates and their status (正常 ISSUED, 已下載 DOWNLOADED, 已註銷 REVOKED, 已過期 EXPIRED)")
    public List<CertificateView> certificates() {
        return registry.myCertificates();
    }

    @GET
    @Path("certificates/{serial}/chain")
    @Produces("application/pem-certificate-chain")
    @Operation(summary = "下載憑證 (M17): the certificate, then the issuing CA and the root, in PEM")
    public String chain(@PathParam("serial") String serial) {
        List<X509Certificate> chain = download.download(serial);
        return chain.stream().map(Pki::pem).collect(Collectors.joining());
    }

    @POST
    @Path("certificates/{serial}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm the download with the new key (M18) → 已下載",
            description = "signature: base64, by the certificate's key, over "
                    + "\"medsign-ack-v1\\n<serial>\\n<hex SHA-256 of the DER certificate>\".")
    @APIResponse(responseCode = "401", description = "MS-4008 not signed by the certificate's key")
    public CertificateView acknowledge(@PathParam("serial") String serial,
                                       @NotNull @Valid Acknowledgement acknowledgement) {
        return download.acknowledge(serial, acknowledgement.signature());
    }

    /** The new key's signature confirming the download. */
    public record Acknowledgement(@NotBlank String signature) {
    }
}
