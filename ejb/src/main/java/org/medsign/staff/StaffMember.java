package org.medsign.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A member of the hospital staff as the directory knows them. The national ID is held sealed, with its
 * masked form for display and a keyed digest for look-ups (see {@link org.medsign.privacy.PersonalDataVault}).
 */
@Entity
@Table(name = "staff_member")
public class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_member_seq")
    @SequenceGenerator(name = "staff_member_seq", sequenceName = "staff_member_seq", allocationSize = 50)
    private Long id;

    @Column(name = "employee_number", nullable = false, unique = true, length = 16)
    private String employeeNumber;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(length = 64)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Sex sex;

    @Column(name = "national_id_sealed", nullable = false)
    private byte[] nationalIdSealed;

    @Column(name = "national_id_masked", nullable = false, length = 16)
    private String nationalIdMasked;

    @Column(name = "national_id_digest", nullable = false, unique = true, length = 64)
    private String nationalIdDigest;

    @Column(length = 128)
    private String email;

    @Column(length = 32)
    private String phone;

    @Column(name = "licence_number", length = 32)
    private String licenceNumber;

    @ManyToOne(optional = false)
    @JoinColumn(name = "site_code")
    private Site site;

    @ManyToOne
    @JoinColumn(name = "department_id")
    private Department department;

    @ManyToOne
    @JoinColumn(name = "profession_code")
    private Profession profession;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StaffMember() {
    }

    StaffMember(NewStaffMember details, SealedNationalId nationalId, Site site, Department department,
                Profession profession, Instant now) {
        this.employeeNumber = details.employeeNumber();
        this.name = details.name();
        this.title = details.title();
        this.sex = details.sex();
        this.nationalIdSealed = nationalId.sealed();
        this.nationalIdMasked = nationalId.masked();
        this.nationalIdDigest = nationalId.digest();
        this.email = details.email();
        this.phone = details.phone();
        this.licenceNumber = details.licenceNumber();
        this.site = site;
        this.department = department;
        this.profession = profession;
        this.active = true;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String employeeNumber() {
        return employeeNumber;
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public Sex sex() {
        return sex;
    }

    public String nationalIdMasked() {
        return nationalIdMasked;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public String licenceNumber() {
        return licenceNumber;
    }

    public Site site() {
        return site;
    }

    public Department department() {
        return department;
    }

    public Profession profession() {
        return profession;
    }

    public boolean active() {
        return active;
    }

    /** A sealed national ID with the two derived forms that may be stored beside it. */
    record SealedNationalId(byte[] sealed, String masked, String digest) {
    }
}
