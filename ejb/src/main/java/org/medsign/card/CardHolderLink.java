package org.medsign.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** IT's statement "this card certificate is this employee's", for certificates that name no holder identifier. */
@Entity
@Table(name = "card_holder_link")
public class CardHolderLink {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "card_holder_link_seq")
    @SequenceGenerator(name = "card_holder_link_seq", sequenceName = "card_holder_link_seq", allocationSize = 50)
    private Long id;

    @Column(name = "certificate_sha256", nullable = false, unique = true, length = 64)
    private String certificateSha256;

    @Column(name = "employee_number", nullable = false, length = 16)
    private String employeeNumber;

    @Column(length = 100)
    private String note;

    @Column(name = "linked_by", nullable = false, length = 32)
    private String linkedBy;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected CardHolderLink() {
    }

    CardHolderLink(String certificateSha256, String employeeNumber, String note, String linkedBy, Instant linkedAt) {
        this.certificateSha256 = certificateSha256;
        this.employeeNumber = employeeNumber;
        this.note = note;
        this.linkedBy = linkedBy;
        this.linkedAt = linkedAt;
    }

    public String certificateSha256() {
        return certificateSha256;
    }

    public String employeeNumber() {
        return employeeNumber;
    }

    public String note() {
        return note;
    }

    public String linkedBy() {
        return linkedBy;
    }

    public Instant linkedAt() {
        return linkedAt;
    }
}
