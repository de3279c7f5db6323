package org.medsign.transport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.signing.eportal.Intranet;

import java.net.URI;
import java.util.Optional;

/**
 * How a request reached medsign and where its HTTPS twin is. A proxy's X-Forwarded-Proto is believed only from the
 * proxies the E Portal's intranet check trusts: anyone else could claim HTTPS for a plain connection.
 */
@ApplicationScoped
public class Transport {

    @Inject
    Intranet intranet;

    /** The HTTPS port redirects name; unset: WildFly's https socket binding with the server's port offset. */
    @Inject
    @ConfigProperty(name = "medsign.https-port")
    Optional<Integer> httpsPort;

    @Inject
    @ConfigProperty(name = "jboss.https.port", defaultValue = "8443")
    int wildflyHttpsPort;

    @Inject
    @ConfigProperty(name = "jboss.http.port", defaultValue = "8080")
    int wildflyHttpPort;

    /** The PKI's address written into certificates (CRL distribution point, OCSP, CA issuers), when set. */
    @Inject
    @ConfigProperty(name = "medsign.pki-url")
    Optional<String> pkiUrl;

    @Inject
    @ConfigProperty(name = "jboss.socket.binding.port-offset", defaultValue = "0")
    int portOffset;

    public boolean secure(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = forwardedProto(request);
        return proto != null && proto.equalsIgnoreCase("https");
    }

    /** The same address over HTTPS: behind a trusted proxy on its default port, else on WildFly's HTTPS port. */
    public String httpsUrl(HttpServletRequest request) {
        String host = host(request);
        int port = httpsPort.orElse(forwardedProto(request) != null ? 443 : wildflyHttpsPort + portOffset);
        String query = request.getQueryString();
        return "https://" + host + (port == 443 ? "" : ":" + port) + request.getRequestURI()
                + (query == null ? "" : "?" + query);
    }

    /**
     * Where relying parties fetch the CRL, OCSP answers and CA certificates, as certificates name it: plain HTTP, as
     * RFC 5280 and RFC 6960 clients expect (a distribution point over HTTPS would need a revocation check itself).
     * {@code medsign.pki-url} when set, else this server's host on WildFly's HTTP port (port 80 behind a proxy).
     */
    public URI pkiBase(HttpServletRequest request) {
        if (pkiUrl.isPresent() && !pkiUrl.get().isBlank()) {
            return URI.create(pkiUrl.get().replaceFirst("/+$", ""));
        }
        String host = host(request);
        int port = forwardedProto(request) != null ? 80 : wildflyHttpPort + portOffset;
        return URI.create("http://" + host + (port == 80 ? "" : ":" + port) + request.getContextPath());
    }

    private String forwardedProto(HttpServletRequest request) {
        String proto = request.getHeader("X-Forwarded-Proto");
        if (proto == null || !intranet.trustedProxy(request.getRemoteAddr())) {
            return null;
        }
        // A chain of proxies appends; the first hop is the one the client spoke to.
        return proto.split(",")[0].strip();
    }

    /** The host the request named, an IPv6 literal in brackets as a URL needs it. */
    private static String host(HttpServletRequest request) {
        String host = request.getServerName();
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
