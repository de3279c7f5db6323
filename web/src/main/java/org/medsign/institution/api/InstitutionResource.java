package org.medsign.institution.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.medsign.institution.InstitutionEvidence;
import org.medsign.institution.InstitutionSignatures;
import org.medsign.kernel.Role;

/** 機構代簽 evidence over the API: IT and auditors check an institution signature with their own tools. */
@RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
@Path("/v1/institution-signatures")
public class InstitutionResource {

    @Inject
    InstitutionSignatures signatures;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The institution's signature (醫事機構憑證) of an overdue record, for IT and auditors",
            description = "cms: CMS SignedData (CAdES-T), base64 DER, detached; canonical: the record's canonical bytes "
                    + "it covers, base64, while the HIS still holds the signed version (else null).")
    @APIResponse(responseCode = "403", description = "MS-1006 not IT or an auditor")
    @APIResponse(responseCode = "404", description = "MS-5018 the record has no institution signature")
    public InstitutionEvidence signature(@PathParam("id") long recordId) {
        return signatures.of(recordId);
    }
}
