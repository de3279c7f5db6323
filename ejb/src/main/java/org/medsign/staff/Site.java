package org.medsign.staff;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A hospital site (院區), e.g. T0 總院區. Sites are a dimension of the data, not separate installations. */
@Entity
@Cacheable
public class Site {

    @Id
    private String code;

    @Embedded
    private LocalizedName name;

    protected Site() {
    }

    public Site(String code, LocalizedName name) {
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
