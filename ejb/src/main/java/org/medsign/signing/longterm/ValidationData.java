package org.medsign.signing.longterm;

import org.bouncycastle.cert.X509CertificateHolder;

import java.util.List;

/** What a validator needs beyond the signature: the chains' certificates, CRLs and OCSP answers (DER). */
public record ValidationData(List<X509CertificateHolder> certificates, List<byte[]> crls, List<byte[]> ocspResponses) {
}
