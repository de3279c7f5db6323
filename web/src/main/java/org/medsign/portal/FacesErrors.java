package org.medsign.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.medsign.error.ErrorCatalogue;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.util.Locale;

/** Shows catalogue errors as Faces messages, always with their code so the user can screenshot it (M26). */
public final class FacesErrors {

    private FacesErrors() {
    }

    public static void show(MedsignException e) {
        show(null, e);
    }

    public static void show(String clientId, MedsignException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        String summary = ErrorCatalogue.describe(e, locale);
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary,
                ErrorCatalogue.action(e.errorCode(), locale)));
    }

    public static void show(ErrorCode code, Object... arguments) {
        show(new MedsignException(code, arguments));
    }
}
