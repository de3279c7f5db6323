package org.medsign.portal;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import org.medsign.error.DatabaseOutage;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns what goes wrong in a page into something a user can act on: an expired or forged view sends
 * a logged-out user to the login page (MS-1004) and a logged-in one back with MS-1005; a catalogue error
 * becomes a message with its code; an unreachable database shows MS-9003 (try again); anything else is logged and
 * shown as MS-9000.
 */
public class PortalExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(PortalExceptionHandler.class.getName());

    public PortalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            Throwable failure = events.next().getContext().getException();
            FacesContext faces = FacesContext.getCurrentInstance();
            try {
                handle(faces, failure);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                events.remove();
            }
        }
        getWrapped().handle();
    }

    private void handle(FacesContext faces, Throwable failure) throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        MedsignException known = find(failure, MedsignException.class);
        if (find(failure, ViewExpiredException.class) != null) {
            String target = request.getUserPrincipal() == null ? "/login.xhtml?expired=true" : "/error.xhtml?code=MS-1005";
            external.redirect(external.getRequestContextPath() + target);
        } else if (known != null) {
            FacesErrors.show(known);
            faces.renderResponse();
        } else if (DatabaseOutage.causes(failure)) {
            LOG.warning(() -> "The database is unreachable (SQLSTATE " + DatabaseOutage.state(failure) + ") in "
                    + request.getRequestURI() + "; shown MS-9003");
            external.redirect(external.getRequestContextPath() + "/error.xhtml?code="
                    + ErrorCode.SERVICE_UNAVAILABLE.code());
        } else {
            LOG.log(Level.SEVERE, "Unexpected failure in " + request.getRequestURI(), failure);
            external.redirect(external.getRequestContextPath() + "/error.xhtml?code=" + ErrorCode.INTERNAL_ERROR.code());
        }
        faces.responseComplete();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof FacesException && t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new PortalExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
