package org.medsign.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.InputStream;

/** Serves the OpenAPI document generated from this API's annotations at build time. */
@Path("/v1")
public class OpenApiResource {

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    @Operation(summary = "This API's OpenAPI document (YAML)")
    public Response yaml() {
        return document("openapi.yaml", "application/yaml");
    }

    @GET
    @Path("openapi.json")
    @Produces("application/json")
    @Operation(summary = "This API's OpenAPI document (JSON)")
    public Response json() {
        return document("openapi.json", "application/json");
    }

    private static Response document(String name, String type) {
        InputStream in = OpenApiResource.class.getResourceAsStream(name);
        return Response.ok(in, type).build();
    }
}
