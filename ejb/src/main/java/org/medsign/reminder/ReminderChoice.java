package org.medsign.reminder;

import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.util.regex.Pattern;

/** What a person chose on the reminder page; {@link #checked()} refuses bad input with MS-6008. */
public record ReminderChoice(boolean enabled, String sendAt, int minPending, String email) {

    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern MAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public ReminderChoice checked() {
        String time = sendAt == null ? "" : sendAt.strip();
        String mail = email == null ? "" : email.strip();
        if (!TIME.matcher(time).matches()) {
            throw new MedsignException(ErrorCode.REMINDER_SETTINGS_INVALID, "HH:mm");
        }
        if (minPending < 1 || minPending > 999) {
            throw new MedsignException(ErrorCode.REMINDER_SETTINGS_INVALID, "1-999");
        }
        if (mail.length() > 128 || !MAIL.matcher(mail).matches()) {
            throw new MedsignException(ErrorCode.REMINDER_SETTINGS_INVALID, "e-mail");
        }
        return new ReminderChoice(enabled, time, minPending, mail);
    }
}
