package org.medsign.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.medsign.error.MedsignException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/**
 * Holds every JSON body to {@link StrictJson} against the record its method takes, after the size check
 * ({@link RequestSizeLimit}, which buffers it) and before JSON-B binds it.
 */
@Provider
@Priority(Priorities.USER + 10)
public class StrictJsonFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Parameter entity = entityParameter(resource.getResourceMethod());
        MediaType type = request.getMediaType();
        if (entity == null || !request.hasEntity() || type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            return; // no body expected, or a type RESTEasy refuses itself (415)
        }
        byte[] body = request.getEntityStream().readAllBytes();
        try {
            StrictJson.check(body, entity.getParameterizedType());
        } catch (MedsignException e) {
            request.abortWith(Problems.of(e, headers, uri));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    /** The parameter JAX-RS fills from the body: the one without a JAX-RS or context annotation. */
    private static Parameter entityParameter(Method method) {
        if (method == null) {
            return null;
        }
        for (Parameter parameter : method.getParameters()) {
            boolean bound = false;
            for (Annotation annotation : parameter.getAnnotations()) {
                String name = annotation.annotationType().getPackageName();
                bound |= name.equals("jakarta.ws.rs") || name.equals("jakarta.ws.rs.core");
            }
            if (!bound) {
                return parameter;
            }
        }
        return null;
    }
}
