package org.medsign.credential;

/** The stable addresses (under the server's public URL) where relying parties find the CA's publications. */
public final class PkiPaths {

    public static final String BASE = "/pki/mobile";
    public static final String CRL = BASE + "/ca.crl";
    public static final String OCSP = BASE + "/ocsp";
    public static final String ISSUING_CA = BASE + "/ca.crt";
    public static final String ROOT_CA = BASE + "/root.crt";
    /** The root's CRL of the CAs it certified. */
    public static final String ROOT_CRL = BASE + "/root.crl";
    public static final String CHAIN = BASE + "/chain.pem";

    private PkiPaths() {
    }
}
