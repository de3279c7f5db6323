package org.medsign.staff;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

/** A department (單位科別) of one site. */
@Entity
@Cacheable
public class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "department_seq")
    @SequenceGenerator(name = "department_seq", sequenceName = "department_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 16)
    private String code;

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_code")
    private Site site;

    @Embedded
    private LocalizedName name;

    protected Department() {
    }

    public Department(String code, Site site, LocalizedName name) {
        this.code = code;
        this.site = site;
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public Site site() {
        return site;
    }

    public LocalizedName name() {
        return name;
    }
}
