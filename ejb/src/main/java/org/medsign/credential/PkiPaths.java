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

    /**
     * The CRL of issuing CA generation {@code generation}: the first keeps {@link #CRL}, which its certificates name;
     * each later one has its own, so a retired key's CRL stays where its certificates point.
     */
    public static String crl(int generation) {
        return generation <= 1 ? CRL : BASE + "/ca-" + generation + ".crl";
    }

    /** The certificate of issuing CA generation {@code generation} (the first: {@link #ISSUING_CA}). */
    public static String issuingCa(int generation) {
        return generation <= 1 ? ISSUING_CA : BASE + "/ca-" + generation + ".crt";
    }

    /** The generation a CRL or CA certificate path names ({@code ca-2.crl} → 2), or 0 if none. */
    public static int generationOf(String path) {
        if (path.equals(CRL) || path.equals(ISSUING_CA)) {
            return 1;
        }
        var m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(BASE) + "/ca-([1-9][0-9]{0,3})\\.(crl|crt)").matcher(path);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private PkiPaths() {
    }
}
