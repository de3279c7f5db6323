package org.medsign.dev.hca.portal;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medsign.dev.hca.DevelopmentHca;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code /pki/hca-dev.crl} (the card CA's CRL, the cRLDistributionPoints of every development card),
 * {@code /pki/hca-dev-root.crl}, and the two CA certificates in PEM. Public, as a CA's repository is; 404 when the
 * development HCA is off.
 */
@WebServlet("/pki/*")
public class DevHcaPublicationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DevelopmentHca hca;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<byte[]> file = hca.publication(name);
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(name.endsWith(".crl") ? "application/pkix-crl" : "application/x-pem-file");
        // relying parties cache by nextUpdate; a short max-age keeps a freshly published CRL from waiting in proxies
        response.setHeader("Cache-Control", "max-age=60");
        response.setContentLength(file.get().length);
        response.getOutputStream().write(file.get());
    }
}
