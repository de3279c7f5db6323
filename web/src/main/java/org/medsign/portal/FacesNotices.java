package org.medsign.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Shows what an action did as an information message, in the portal's words (the {@code msg} bundle). */
public final class FacesNotices {

    private FacesNotices() {
    }

    public static void info(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                new MessageFormat(bundle.getString(key), faces.getViewRoot().getLocale()).format(arguments), null));
    }
}
