package org.medsign.credential.portal;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import org.medsign.credential.CaRollover;
import org.medsign.credential.CertificateRegistry;
import org.medsign.credential.CertificateView;
import org.medsign.credential.RevocationReason;
import org.medsign.credential.TimestampKeys;
import org.medsign.error.MedsignException;
import org.medsign.portal.FacesErrors;
import org.medsign.portal.Services;

import java.io.Serializable;
import java.util.List;

/**
 * IT's certificate search (by employee number or serial) and revocation with an RFC 5280 reason, the TSA's
 * certificate with its key rollover, and the issuing CA with its rollover (request for the offline root, import of
 * its certificate).
 */
@Named
@ViewScoped
public class ItCertificatesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CertificateRegistry registry;

    @Inject
    transient TimestampKeys timestampKeys;

    @Inject
    transient CaRollover caRollover;

    private String query = "";
    private List<CertificateView> results;
    private String selected;
    private RevocationReason reason = RevocationReason.UNSPECIFIED;
    private TimestampKeys.TsaView tsa;
    private CaRollover.CaView ca;
    /** The root's certificate for the pending CA key, pasted as PEM (the root's new CRL may follow). */
    private String caReply = "";

    public void search() {
        results = registry().search(query, 200);
    }

    public void select(String serial) {
        selected = serial;
    }

    public void revoke() {
        try {
            registry().revokeAsIt(selected, reason);
            search();
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    /** 更換金鑰: the TSA's key rollover, confirmed in a dialog. */
    public void rollTimestampKey() {
        try {
            tsa = timestampKeys().roll();
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    /** 下載請求檔: the pending CA key's PKCS#10 request as a PEM download (the key is made on the first request). */
    public void downloadCaRequest() throws java.io.IOException {
        try {
            byte[] pem = caRollover().request().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            ca = null;
            FacesContext faces = FacesContext.getCurrentInstance();
            ExternalContext external = faces.getExternalContext();
            external.responseReset();
            external.setResponseContentType("application/pkcs10");
            external.setResponseContentLength(pem.length);
            external.setResponseHeader("Content-Disposition", "attachment; filename=\"medsign-ca-g"
                    + (getCa().generation() + 1) + ".csr.pem\"");
            external.getResponseOutputStream().write(pem);
            faces.responseComplete();
        } catch (org.medsign.error.MedsignException e) {
            FacesErrors.show(e);
        }
    }

    /** 匯入憑證: the root's certificate for the pending key; medsign checks it before it switches (coded refusals). */
    public void importCaCertificate() {
        try {
            ca = caRollover().importCertificate(caReply.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            caReply = "";
            tsa = null;
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    /**
     * 匯入根 CA CRL: a CRL the offline root signed on its own; one that revokes a retired CA revokes that CA's
     * certificates and has the long-term job carry it into the evidence of every signature archived before.
     */
    public void importRootCrl() {
        try {
            java.util.List<Integer> revoked = caRollover().importRootCrl(caReply.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            caReply = "";
            if (revoked.isEmpty()) {
                org.medsign.portal.FacesNotices.info("it.ca.crlImported");
            } else {
                org.medsign.portal.FacesNotices.info("it.ca.crlRevokes",
                        String.join(", ", revoked.stream().map(g -> "G" + g).toList()));
            }
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
    }

    public CaRollover.CaView getCa() {
        if (ca == null) {
            ca = caRollover().current();
        }
        return ca;
    }

    public String getCaReply() {
        return caReply;
    }

    public void setCaReply(String caReply) {
        this.caReply = caReply == null ? "" : caReply.substring(0, Math.min(32_000, caReply.length()));
    }

    public TimestampKeys.TsaView getTsa() {
        if (tsa == null) {
            tsa = timestampKeys().current();
        }
        return tsa;
    }

    public List<CertificateView> getResults() {
        if (results == null) {
            search();
        }
        return results;
    }

    public java.util.List<RevocationReason> getReasons() {
        return RevocationReason.forOneCertificate();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? "" : query.substring(0, Math.min(64, query.length()));
    }

    public String getSelected() {
        return selected;
    }

    public RevocationReason getReason() {
        return reason;
    }

    public void setReason(RevocationReason reason) {
        this.reason = reason;
    }

    // The services live in transient fields (see Services): after a move to another node they are found again.

    private CertificateRegistry registry() {
        return registry = Services.kept(registry, CertificateRegistry.class);
    }

    private CaRollover caRollover() {
        return caRollover = Services.kept(caRollover, CaRollover.class);
    }

    private TimestampKeys timestampKeys() {
        return timestampKeys = Services.kept(timestampKeys, TimestampKeys.class);
    }
}
