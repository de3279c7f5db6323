package org.medsign.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Locale;

/** A name kept in Traditional Chinese and English, shown in the user's language. */
@Embeddable
public class LocalizedName {

    @Column(name = "name_zh", nullable = false, length = 64)
    private String chinese;

    @Column(name = "name_en", nullable = false, length = 64)
    private String english;

    protected LocalizedName() {
    }

    public LocalizedName(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? english : chinese;
    }
}
