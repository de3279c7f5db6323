package org.medsign.credential.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.credential.CardEvidence;
import org.medsign.credential.CertificateRegistry;
import org.medsign.credential.CertificateView;
import org.medsign.credential.Pki;
import org.medsign.error.MedsignException;
import org.medsign.portal.FacesErrors;
import org.medsign.portal.Services;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;

/**
 * 憑證清單: my certificates with their status tags, downloading one as PEM or DER, and revoking one (a lost phone)
 * after the card ceremony (M12) bound to that certificate.
 */
@Named
@ViewScoped
public class CertificatesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CertificateRegistry registry;

    private List<CertificateView> certificates;
    private String revoking;
    private String ceremonyId;

    public void startRevoke(String serial) {
        revoking = serial;
        ceremonyId = null;
    }

    public void cancelRevoke() {
        revoking = null;
    }

    /** Called by the card step once the ceremony is proven: revokes with it. */
    public void revoke() {
        try {
            registry().revokeMine(revoking, ceremonyId);
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    MessageFormat.format(faces.getApplication().getResourceBundle(faces, "msg").getString("certificates.revokedNow"),
                            revoking), null));
            revoking = null;
            certificates = null;
        } catch (MedsignException e) {
            ceremonyId = null;
            FacesErrors.show(e);
        }
    }

    public String getRevoking() {
        return revoking;
    }

    public String getRevocationContext() {
        return revoking == null ? "" : CardEvidence.revocationContext(revoking);
    }

    public String getCeremonyId() {
        return ceremonyId;
    }

    public void setCeremonyId(String ceremonyId) {
        this.ceremonyId = ceremonyId;
    }

    public List<CertificateView> getCertificates() {
        if (certificates == null) {
            certificates = registry().myCertificates();
        }
        return certificates;
    }

    public void refresh() {
        certificates = null;
    }

    public void downloadPem(String serial) throws IOException {
        byte[] der = registry().myCertificate(serial);
        String pem = Pki.pem(new org.bouncycastle.cert.X509CertificateHolder(der));
        send(pem.getBytes(StandardCharsets.US_ASCII), "application/x-pem-file", serial + ".pem");
    }

    public void downloadDer(String serial) throws IOException {
        send(registry().myCertificate(serial), "application/pkix-cert", serial + ".cer");
    }

    private static void send(byte[] body, String type, String fileName) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(type);
        external.setResponseContentLength(body.length);
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        external.getResponseOutputStream().write(body);
        faces.responseComplete();
    }

    /** The tag colour of a status: 已下載 green, 正常 blue, 已註銷 red, 已過期 grey. */
    public String severity(CertificateView certificate) {
        return switch (certificate.status()) {
            case DOWNLOADED -> "success";
            case ISSUED -> "info";
            case REVOKED -> "danger";
            case EXPIRED -> "secondary";
        };
    }

    // The services live in transient fields (see Services): after a move to another node they are found again.

    private CertificateRegistry registry() {
        return registry = Services.kept(registry, CertificateRegistry.class);
    }
}
