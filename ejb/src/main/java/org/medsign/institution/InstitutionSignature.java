package org.medsign.institution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.medsign.signing.evidence.SignatureEvidence;

import java.time.Instant;

/** The institution's CAdES-T signature of one overdue record version, kept beside (not instead of) the author's. */
@Entity
@Table(name = "institution_signature")
public class InstitutionSignature extends SignatureEvidence {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "institution_signature_seq")
    @SequenceGenerator(name = "institution_signature_seq", sequenceName = "institution_signature_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 16)
    private String author;

    protected InstitutionSignature() {
    }

    InstitutionSignature(long hisRecordId, int recordVersion, String author, String certificateSerial, String digest,
                         InstitutionCms.Signed signed, Instant now) {
        super(hisRecordId, recordVersion, certificateSerial, digest, signed.timestampTime(), signed.cms(), now);
        this.author = author;
    }

    public String author() {
        return author;
    }
}
