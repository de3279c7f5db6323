package org.medsign.device;

import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

/** The rules for 識別名稱 and 備註: a name is required and short, a note optional and short. */
final class DeviceNames {

    static final int MAX_NAME = 30;
    static final int MAX_NOTE = 60;

    private DeviceNames() {
    }

    static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            throw new MedsignException(ErrorCode.DEVICE_NAME_INVALID);
        }
        return clean;
    }

    static String note(String note) {
        String clean = note == null ? "" : note.strip();
        if (clean.length() > MAX_NOTE || clean.chars().anyMatch(Character::isISOControl)) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "備註 / note");
        }
        return clean.isEmpty() ? null : clean;
    }
}
