package org.medsign.ops.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.medsign.ops.HealthCheck;
import org.medsign.ops.HealthReport;

/** {@code GET /api/v1/health}: 200 UP when the database answers, 503 DOWN otherwise. */
@Path("/v1/health")
public class HealthResource {

    @Inject
    HealthCheck healthCheck;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether medsign can serve requests")
    @APIResponse(responseCode = "200", description = "UP")
    @APIResponse(responseCode = "503", description = "DOWN: the database does not answer")
    public Response health() {
        HealthReport report = healthCheck.check();
        return Response.status(report.up() ? 200 : 503)
                .entity(new Health(report.status(), report.version(), 1))
                .build();
    }

    /** What the public may know: the state, the release and the API version. */
    public record Health(String status, String version, int apiVersion) {
    }
}
