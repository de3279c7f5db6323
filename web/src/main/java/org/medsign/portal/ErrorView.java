package org.medsign.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.medsign.error.ErrorCatalogue;
import org.medsign.error.DatabaseOutage;
import org.medsign.error.ErrorCode;

/**
 * The error page: shows the catalogue entry with its code, chosen by the filter that refused the request,
 * by the HTTP status of the failure, or by the {@code code} parameter of a redirect (only known codes).
 */
@Named
@RequestScoped
public class ErrorView {

    @Inject
    HttpServletRequest request;

    @Inject
    FacesContext faces;

    public ErrorCode getError() {
        String parameter = request.getParameter("code");
        if (parameter != null) {
            for (ErrorCode code : ErrorCode.values()) {
                if (code.code().equals(parameter)) {
                    return code;
                }
            }
        }
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseOutage.causes(failure)) {
            return ErrorCode.SERVICE_UNAVAILABLE; // a filter's query, outside Faces' own handler
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return switch (status instanceof Integer s ? s : 500) {
            case 401 -> ErrorCode.LOGIN_REQUIRED;
            case 403 -> ErrorCode.ACCESS_DENIED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            default -> ErrorCode.INTERNAL_ERROR;
        };
    }

    public String getCode() {
        return getError().code();
    }

    public String getTitle() {
        return ErrorCatalogue.title(getError(), faces.getViewRoot().getLocale());
    }

    public String getMessage() {
        return ErrorCatalogue.message(getError(), faces.getViewRoot().getLocale(), "-");
    }

    public String getAction() {
        return ErrorCatalogue.action(getError(), faces.getViewRoot().getLocale());
    }
}
