package org.medsign.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body refused by its record's constraints ({@code @Valid} on the resource's parameter) answers problem+json
 * with its code, like every other refusal; RESTEasy's own report would list the rejected values.
 */
@Provider
public class RequestViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return Problems.of(RequestViolations.refusal(e.getConstraintViolations()), headers, uri);
    }
}
