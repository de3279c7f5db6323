package org.medsign.signing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.medsign.kernel.Role;
import org.medsign.signing.export.EvidenceExport;

/** Evidence export for IT and auditors: a stored signature's record version as an ASiC-E container. */
@RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
@Path("/v1")
public class EvidenceResource {

    static final String ASIC_E = "application/vnd.etsi.asic-e+zip";

    @Inject
    EvidenceExport export;

    @GET
    @Path("signatures/{id}/evidence")
    @Produces(ASIC_E)
    @Operation(summary = "The record version this signature signed, as an ASiC-E container (ETSI EN 319 162-1)",
            description = "Holds the record's canonical bytes, the stored signature (CAdES-LTA once the long-term job "
                    + "has run) and medsign's verification report, listed with their SHA-256 digests in "
                    + "META-INF/ASiCManifest.xml, which medsign's TSA time-stamps (META-INF/timestamp.tst). IT and "
                    + "auditors only; audited.")
    @APIResponse(responseCode = "404", description = "MS-5017 no such signature")
    @APIResponse(responseCode = "409", description = "MS-5020 the HIS no longer holds the signed version")
    public Response evidence(@PathParam("id") long id) {
        EvidenceExport.Container container = export.export(id);
        return Response.ok(container.bytes(), ASIC_E)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + container.fileName() + "\"")
                .build();
    }
}
