package org.medsign.staff;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A profession (職類) such as 護理師 (nurse) or 醫師 (physician). */
@Entity
@Cacheable
public class Profession {

    @Id
    private String code;

    @Embedded
    private LocalizedName name;

    protected Profession() {
    }

    public Profession(String code, LocalizedName name) {
        this.code = code;
        this.name = name;
    }

    public String code() {
        return code;
    }

    public LocalizedName name() {
        return name;
    }
}
