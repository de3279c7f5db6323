package org.medsign.reminder;

import org.junit.jupiter.api.Test;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReminderChoiceTest {

    @Test
    void acceptsATimeANumberAndAnAddress() {
        assertEquals(new ReminderChoice(true, "07:30", 5, "n0001@hospital.example"),
                new ReminderChoice(true, " 07:30", 5, "n0001@hospital.example ").checked());
    }

    @Test
    void refusesBadInputWithItsCode() {
        for (ReminderChoice bad : new ReminderChoice[]{new ReminderChoice(true, "24:00", 1, "a@b.c"),
            new ReminderChoice(true, "7:30", 1, "a@b.c"), new ReminderChoice(true, "07:30", 0, "a@b.c"),
            new ReminderChoice(true, "07:30", 1, "not-an-address"), new ReminderChoice(true, null, 1, null)}) {
            assertEquals(ErrorCode.REMINDER_SETTINGS_INVALID,
                    assertThrows(MedsignException.class, bad::checked).errorCode(), bad.toString());
        }
    }
}
