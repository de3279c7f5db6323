package org.medsign.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/** The mobile API used by the credential app and the E Portal app. Resources are versioned under v1. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "medsign mobile API", version = "1"),
        servers = @Server(url = "/medsign"))
public class MobileApi extends Application {
}
