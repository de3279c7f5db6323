package org.medsign.staff.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.audit.AuditEntryView;
import org.medsign.audit.AuditLog;
import org.medsign.error.MedsignException;
import org.medsign.portal.FacesErrors;
import org.medsign.staff.PasswordChange;
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

    @Inject
    PasswordChange passwordChange;

    private String currentPassword;
    private String newPassword;
    private String confirmation;
    private boolean passwordChanged;
    private StaffProfile profile;
    private List<AuditEntryView> history;

    public StaffProfile getProfile() {
        if (profile == null) {
            profile = directory.myProfile(faces.getViewRoot().getLocale());
        }
        return profile;
    }

    /** 更改密碼; the phone apps must log in again afterwards (M27). */
    public void changePassword() {
        try {
            if (newPassword == null || !newPassword.equals(confirmation)) {
                throw new MedsignException(org.medsign.error.ErrorCode.PASSWORD_TOO_WEAK, 8);
            }
            passwordChange.change(currentPassword, newPassword);
            passwordChanged = true;
        } catch (MedsignException e) {
            FacesErrors.show(e);
        } finally {
            currentPassword = null;
            newPassword = null;
            confirmation = null;
        }
    }

    public boolean isPasswordChanged() {
        return passwordChanged;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }

    public List<AuditEntryView> getHistory() {
        if (history == null) {
            history = audit.myHistory(20);
        }
        return history;
    }
}
