package org.medsign.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The address phones reach the server at, put into QR codes: {@code medsign.public-url} when set (behind a
 * proxy or a hospital DNS name), else the address the PC's browser used.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    @ConfigProperty(name = "medsign.public-url")
    Optional<String> configured;

    public URI of(HttpServletRequest request) {
        return configured.filter(s -> !s.isBlank()).map(URI::create).orElseGet(() -> {
            String port = (request.getScheme().equals("http") && request.getServerPort() == 80)
                    || (request.getScheme().equals("https") && request.getServerPort() == 443) ? "" : ":" + request.getServerPort();
            return URI.create(request.getScheme() + "://" + request.getServerName() + port + request.getContextPath());
        });
    }
}
