package org.medsign.transport;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.medsign.api.Problems;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

/**
 * Refuses the phone API over plain HTTP with MS-9007 before any resource reads the request: a redirect would have
 * the phone re-send its password or signatures, and it already sent them in clear once.
 */
@Provider
@PreMatching
public class PlainHttpRefusal implements ContainerRequestFilter {

    @Inject
    Transport transport;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!transport.secure(request)) {
            context.abortWith(Problems.of(new MedsignException(ErrorCode.HTTPS_REQUIRED), headers, uri));
        }
    }
}
