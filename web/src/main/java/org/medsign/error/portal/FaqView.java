package org.medsign.error.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.error.ErrorCatalogue;

import java.util.List;

/** Lists every error code with its meaning and what to do. */
@Named
@RequestScoped
public class FaqView {

    @Inject
    FacesContext faces;

    public List<ErrorCatalogue.Entry> getEntries() {
        return ErrorCatalogue.entries(faces.getViewRoot().getLocale());
    }
}
