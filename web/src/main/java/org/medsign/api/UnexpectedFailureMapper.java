package org.medsign.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.medsign.error.DatabaseOutage;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything that is not a catalogue error still answers problem+json with a code: unknown paths,
 * wrong methods, unreadable bodies, an unreachable database (MS-9003: try again), and unexpected failures (logged
 * here, shown as MS-9000).
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        return toResponse(failure, headers, uri);
    }

    Response toResponse(Throwable failure, HttpHeaders headers, UriInfo uri) {
        return Problems.of(classify(failure), headers, uri);
    }

    private static MedsignException classify(Throwable failure) {
        if (failure instanceof NotFoundException) {
            return new MedsignException(ErrorCode.NOT_FOUND);
        }
        if (failure instanceof NotAllowedException) {
            return new MedsignException(ErrorCode.METHOD_NOT_ALLOWED);
        }
        if (failure instanceof NotSupportedException) {
            return new MedsignException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        if (failure instanceof NotAuthorizedException) {
            return new MedsignException(ErrorCode.LOGIN_REQUIRED);
        }
        if (failure instanceof ForbiddenException) {
            return new MedsignException(ErrorCode.ACCESS_DENIED);
        }
        if (failure instanceof ProcessingException || failure instanceof JsonbException
                || failure.getCause() instanceof JsonbException) {
            return new MedsignException(ErrorCode.MALFORMED_REQUEST, "JSON");
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return new MedsignException(ErrorCode.MALFORMED_REQUEST, web.getResponse().getStatus());
        }
        if (DatabaseOutage.causes(failure)) {
            LOG.warning(() -> "The database is unreachable (SQLSTATE " + DatabaseOutage.state(failure)
                    + "); answered MS-9003");
            return new MedsignException(ErrorCode.SERVICE_UNAVAILABLE);
        }
        LOG.log(Level.SEVERE, "Unexpected failure in the mobile API", failure);
        return new MedsignException(ErrorCode.INTERNAL_ERROR);
    }
}
