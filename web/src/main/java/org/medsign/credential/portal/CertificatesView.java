package org.medsign.credential.portal;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.credential.CertificateRegistry;
import org.medsign.credential.CertificateView;
import org.medsign.credential.Pki;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** 憑證清單: my certificates with their status tags, and downloading one as PEM or DER. */
@Named
@ViewScoped
public class CertificatesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CertificateRegistry registry;

    private List<CertificateView> certificates;

    public List<CertificateView> getCertificates() {
        if (certificates == null) {
            certificates = registry.myCertificates();
        }
        return certificates;
    }

    public void refresh() {
        certificates = null;
    }

    public void downloadPem(String serial) throws IOException {
        byte[] der = registry.myCertificate(serial);
        String pem = Pki.pem(new org.bouncycastle.cert.X509CertificateHolder(der));
        send(pem.getBytes(StandardCharsets.US_ASCII), "application/x-pem-file", serial + ".pem");
    }

    public void downloadDer(String serial) throws IOException {
        send(registry.myCertificate(serial), "application/pkix-cert", serial + ".cer");
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
}
