package org.medsign.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.util.Arrays;

/**
 * The roles a resource names with {@link RolesAllowed}, checked before its body is read or validated: a caller without
 * a valid token hears that (401, or why the token was refused) even for a malformed body, and learns nothing of the
 * body's rules. The services behind keep their own, finer role checks.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ApiRoles implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext context) {
        RolesAllowed allowed = roles();
        if (allowed == null) {
            return;
        }
        SecurityContext security = context.getSecurityContext();
        if (security.getUserPrincipal() == null) {
            MedsignException refused = BearerTokens.refusal(request);
            context.abortWith(Problems.of(refused != null ? refused : new MedsignException(ErrorCode.LOGIN_REQUIRED),
                    headers, context.getUriInfo()));
        } else if (Arrays.stream(allowed.value()).noneMatch(security::isUserInRole)) {
            context.abortWith(Problems.of(new MedsignException(ErrorCode.ACCESS_DENIED), headers, context.getUriInfo()));
        }
    }

    private RolesAllowed roles() {
        if (resource.getResourceMethod() == null) {
            return null;
        }
        RolesAllowed onMethod = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
}
