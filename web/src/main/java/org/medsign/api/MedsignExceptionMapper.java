package org.medsign.api;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
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

        @Override
        public Response toResponse(EJBException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MedsignException known) {
                return Problems.of(known, headers, uri);
            }
            return new UnexpectedFailureMapper().toResponse(e, headers, uri);
        }
    }
}
