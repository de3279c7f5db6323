package org.medsign.credential;

/**
 * What the card ceremony (M12) proved for an application, kept as evidence: the card certificate, sealed by the
 * personal-data vault (it carries the national ID), and the card's signatures over the application's challenges,
 * already verified by the card capability.
 */
public record CardEvidence(byte[] sealedCardCertificate, byte[] signatures) {
}
