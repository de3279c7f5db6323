package org.medsign.card.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches CRLs over HTTP(S) with short time-outs and a size cap: a login waits for this, and a distribution point
 * that hangs or streams without end must not hold the server.
 */
public final class HttpCrlSource implements CrlSource {

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    public HttpCrlSource(Duration timeout, long maxBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] fetch(URI location) throws IOException {
        String scheme = location.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IOException("Unsupported CRL location scheme " + scheme);
        }
        HttpRequest request = HttpRequest.newBuilder(location).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("CRL " + location + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IOException("CRL " + location + " is larger than " + maxBytes + " bytes");
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching " + location, e);
        }
    }
}
