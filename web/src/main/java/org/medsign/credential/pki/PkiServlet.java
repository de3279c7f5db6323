package org.medsign.credential.pki;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medsign.credential.CertificateAuthority;
import org.medsign.credential.CrlPublisher;
import org.medsign.credential.OcspResponder;
import org.medsign.credential.Pki;
import org.medsign.credential.PkiPaths;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;

/**
 * Serves the CA's and the root's CRLs, OCSP and the CA certificates at the addresses written into certificates: each
 * issuing CA generation's CRL and certificate at its own address ({@link PkiPaths#crl(int)}); the chain of the
 * current one.
 */
@WebServlet(PkiPaths.BASE + "/*")
public class PkiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_OCSP_REQUEST = 8192;

    @Inject
    CrlPublisher crls;

    @Inject
    OcspResponder ocsp;

    @Inject
    CertificateAuthority ca;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = PkiPaths.BASE + (request.getPathInfo() == null ? "" : request.getPathInfo());
        try {
            int generation = PkiPaths.generationOf(path);
            var ofGeneration = generation == 0 ? java.util.Optional.<org.medsign.credential.CaGeneration>empty()
                    : ca.certificates().generation(generation);
            if (generation > 0 && ofGeneration.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            } else if (path.endsWith(".crl") && ofGeneration.isPresent()) {
                // each CA generation's own CRL, signed by its key: a retired one's too
                send(response, "application/pkix-crl", crls.current(generation).encoded(), 300);
            } else if (path.endsWith(".crt") && ofGeneration.isPresent()) {
                send(response, "application/pkix-cert", ofGeneration.get().issuing().getEncoded(), 86400);
            } else if (path.equals(PkiPaths.ROOT_CRL)) {
                var rootCrl = ca.rootCrl();
                if (rootCrl.isPresent()) {
                    send(response, "application/pkix-crl", rootCrl.get(), 3600);
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            } else if (path.equals(PkiPaths.ROOT_CA)) {
                send(response, "application/pkix-cert", ca.certificates().root().getEncoded(), 86400);
            } else if (path.equals(PkiPaths.CHAIN)) {
                String pem = Pki.pem(ca.certificates().issuing()) + Pki.pem(ca.certificates().root());
                send(response, "application/pem-certificate-chain", pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 86400);
            } else if (path.startsWith(PkiPaths.OCSP + "/")) {
                byte[] ocspRequest;
                try {
                    ocspRequest = Base64.getDecoder().decode(java.net.URLDecoder.decode(
                            path.substring(PkiPaths.OCSP.length() + 1), java.nio.charset.StandardCharsets.US_ASCII));
                } catch (IllegalArgumentException e) {
                    ocspRequest = new byte[0];
                }
                send(response, "application/ocsp-response", ocsp.respond(ocspRequest), 0);
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = PkiPaths.BASE + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.equals(PkiPaths.OCSP)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_OCSP_REQUEST + 1);
        send(response, "application/ocsp-response", ocsp.respond(body.length > MAX_OCSP_REQUEST ? new byte[0] : body), 0);
    }

    private static void send(HttpServletResponse response, String type, byte[] body, int maxAgeSeconds) throws IOException {
        response.setContentType(type);
        response.setContentLength(body.length);
        response.setHeader("Cache-Control", maxAgeSeconds > 0 ? "public, max-age=" + maxAgeSeconds : "no-store");
        response.getOutputStream().write(body);
    }
}
