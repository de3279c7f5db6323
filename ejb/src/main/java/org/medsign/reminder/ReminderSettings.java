package org.medsign.reminder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;

/** One person's 個人簽章提醒設定. {@code lastSentOn} keeps the digest to once a day. */
@Entity
@Table(name = "reminder_settings")
public class ReminderSettings {

    @Id
    @Column(name = "employee_number", length = 16)
    private String employeeNumber;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "send_at", nullable = false, length = 5)
    private String sendAt;

    @Column(name = "min_pending", nullable = false)
    private int minPending;

    @Column(nullable = false, length = 128)
    private String email;

    @Column(name = "last_sent_on")
    private LocalDate lastSentOn;

    @Version
    private long version;

    protected ReminderSettings() {
    }

    ReminderSettings(String employeeNumber) {
        this.employeeNumber = employeeNumber;
    }

    void change(ReminderChoice choice) {
        this.enabled = choice.enabled();
        this.sendAt = choice.sendAt();
        this.minPending = choice.minPending();
        this.email = choice.email();
    }

    void sent(LocalDate day) {
        this.lastSentOn = day;
    }

    ReminderChoice choice() {
        return new ReminderChoice(enabled, sendAt, minPending, email);
    }

    String employeeNumber() {
        return employeeNumber;
    }

    LocalDate lastSentOn() {
        return lastSentOn;
    }
}
