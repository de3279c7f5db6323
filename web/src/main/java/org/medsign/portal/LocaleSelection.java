package org.medsign.portal;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.medsign.error.ErrorCatalogue;

import java.io.Serializable;
import java.util.Locale;

/** The portal's language: Traditional Chinese unless the user picks English, whatever the browser says. */
@Named
@SessionScoped
public class LocaleSelection implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale = ErrorCatalogue.TRADITIONAL_CHINESE;

    public Locale getLocale() {
        return locale;
    }

    public String getLanguageTag() {
        return locale.toLanguageTag();
    }

    public void use(String languageTag) {
        locale = ErrorCatalogue.supported(Locale.forLanguageTag(languageTag));
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
}
