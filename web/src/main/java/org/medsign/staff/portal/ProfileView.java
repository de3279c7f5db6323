package org.medsign.staff.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.audit.AuditEvent;
import org.medsign.audit.AuditLog;
import org.medsign.staff.StaffDirectory;
import org.medsign.staff.StaffProfile;

import java.util.List;

/** 個人資料: the logged-in person's own record (ID masked) and their own recent history. */
@Named
@RequestScoped
public class ProfileView {

    @Inject
    StaffDirectory directory;

    @Inject
    AuditLog audit;

    @Inject
    FacesContext faces;

    private StaffProfile profile;
    private List<AuditEvent> history;

    public StaffProfile getProfile() {
        if (profile == null) {
            profile = directory.myProfile(faces.getViewRoot().getLocale());
        }
        return profile;
    }

    public List<AuditEvent> getHistory() {
        if (history == null) {
            history = audit.myHistory(20);
        }
        return history;
    }
}
