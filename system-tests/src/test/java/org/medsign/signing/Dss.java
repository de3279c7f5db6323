package org.medsign.signing;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

import java.util.Date;
import java.util.List;

/**
 * EU DSS as an outside validator (ETSI EN 319 102-1 with DSS's default validation policy): medsign's root as the only
 * trust anchor; revocation data and missing CA certificates fetched online from the addresses the certificates name
 * (medsign's PKI), unless {@code offline}.
 */
public final class Dss {

    private Dss() {
    }

    /** The outcome for the document's first signature. */
    public record Outcome(Indication indication, SubIndication subIndication, SignatureLevel level, List<String> errors,
                   Reports reports) {

        @Override
        public String toString() {
            return indication + "/" + subIndication + " " + level + " " + errors;
        }
    }

    public static Outcome validate(byte[] signature, byte[] detachedContent, byte[] rootDer, boolean offline, Date validationTime) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(DSSUtils.loadCertificate(rootDer).getCertificate()));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        if (!offline) {
            verifier.setAIASource(new DefaultAIASource());
            verifier.setOcspSource(new OnlineOCSPSource());
            verifier.setCrlSource(new OnlineCRLSource());
        }
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signature));
        validator.setCertificateVerifier(verifier);
        validator.setDetachedContents(List.of(new InMemoryDocument(detachedContent)));
        if (validationTime != null) {
            validator.setValidationTime(validationTime);
        }
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        String id = simple.getFirstSignatureId();
        return new Outcome(simple.getIndication(id), simple.getSubIndication(id), simple.getSignatureFormat(id),
                simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList(), reports);
    }
}
