package org.medsign.staff.portal;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.staff.StaffDirectory;
import org.medsign.staff.StaffSummary;
import org.medsign.portal.Services;

import java.io.Serializable;
import java.util.List;

/** IT's staff search; names are masked on the list. */
@Named
@ViewScoped
public class StaffSearchView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_ROWS = 200;

    @Inject
    transient StaffDirectory directory;

    private String query = "";
    private List<StaffSummary> results;

    public void search() {
        results = directory().search(query, MAX_ROWS, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public List<StaffSummary> getResults() {
        if (results == null) {
            search();
        }
        return results;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? "" : query.substring(0, Math.min(query.length(), 64));
    }

    // The services live in transient fields (see Services): after a move to another node they are found again.

    private StaffDirectory directory() {
        return directory = Services.kept(directory, StaffDirectory.class);
    }
}
