package org.medsign.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

/** A catalogue error from a service becomes its problem document. */
@Provider
public class MedsignExceptionMapper implements ExceptionMapper<MedsignException> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(MedsignException e) {
        return Problems.of(e, headers, uri);
    }

    /** Unwraps the EJB container's wrapper around a catalogue error. */
    @Provider
    public static class EjbWrapped implements ExceptionMapper<EJBException> {

        @Context
        HttpHeaders headers;

        @Context
        UriInfo uri;

        @Context
        SecurityContext security;

        @Context
        jakarta.servlet.http.HttpServletRequest request;

        @Override
        public Response toResponse(EJBException e) {
            if (e instanceof EJBAccessException) {
                MedsignException tokenRefused = BearerTokens.refusal(request);
                if (security.getUserPrincipal() == null && tokenRefused != null) {
                    return Problems.of(tokenRefused, headers, uri);
                }
                ErrorCode code = security.getUserPrincipal() == null ? ErrorCode.LOGIN_REQUIRED : ErrorCode.ACCESS_DENIED;
                return Problems.of(new MedsignException(code), headers, uri);
            }
            Throwable cause = e.getCause();
            if (cause instanceof MedsignException known) {
                return Problems.of(known, headers, uri);
            }
            return new UnexpectedFailureMapper().toResponse(e, headers, uri);
        }
    }
}
