package org.medsign.reminder.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.error.MedsignException;
import org.medsign.portal.FacesErrors;
import org.medsign.reminder.ReminderChoice;
import org.medsign.reminder.ReminderDesk;

/** 個人簽章提醒設定: on/off, time of day, minimum number pending, e-mail address. */
@Named
@RequestScoped
public class RemindersView {

    @Inject
    ReminderDesk desk;

    private boolean enabled;
    private String sendAt;
    private Integer minPending;
    private String email;

    @PostConstruct
    void load() {
        ReminderChoice current = desk.mine();
        enabled = current.enabled();
        sendAt = current.sendAt();
        minPending = current.minPending();
        email = current.email();
    }

    public void save() {
        try {
            desk.save(new ReminderChoice(enabled, sendAt, minPending == null ? 0 : minPending, email));
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    faces.getApplication().getResourceBundle(faces, "msg").getString("reminders.saved"), null));
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getSendAt() {
        return sendAt;
    }

    public void setSendAt(String sendAt) {
        this.sendAt = sendAt;
    }

    public Integer getMinPending() {
        return minPending;
    }

    public void setMinPending(Integer minPending) {
        this.minPending = minPending;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
