package org.medsign.reminder;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;
import org.medsign.staff.StaffDirectory;

import java.util.Locale;

/** 個人簽章提醒設定 for the logged-in person: read (with defaults from their profile) and change their own settings. */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class ReminderDesk {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    StaffDirectory directory;

    @Inject
    AuditLog audit;

    public ReminderChoice mine() {
        ReminderSettings settings = em.find(ReminderSettings.class, me());
        if (settings != null) {
            return settings.choice();
        }
        String mail = directory.myProfile(Locale.TAIWAN).email();
        return new ReminderChoice(false, "08:00", 1, mail == null ? "" : mail);
    }

    public ReminderChoice save(ReminderChoice choice) {
        String me = me();
        ReminderChoice checked;
        try {
            checked = choice.checked();
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.REMINDER_SETTINGS_CHANGED, me, null, e.errorCode(), null));
            throw e;
        }
        ReminderSettings settings = em.find(ReminderSettings.class, me);
        if (settings == null) {
            settings = new ReminderSettings(me);
            settings.change(checked);
            em.persist(settings);
        } else {
            settings.change(checked);
        }
        audit.record(AuditRecord.success(AuditAction.REMINDER_SETTINGS_CHANGED, me,
                checked.enabled() ? "on " + checked.sendAt() + " min " + checked.minPending() : "off", null));
        return checked;
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
