package org.medsign.systemtest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: keeps cookies, reads Faces forms with jsoup and posts them back, so tests
 * can send exactly the (bad) requests an attacker would.
 */
public final class PortalClient {

    private final WebAddress server;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private static final Pattern CSP_NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    public PortalClient(WebAddress server) {
        this.server = server;
        this.http = DevTls.http().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The cookies this client holds (the portal session among them). */
    public java.util.List<java.net.HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(server.url(path)).GET().build());
    }

    /** GET, following redirects within the portal; returns the final page. */
    public Page open(String path) {
        HttpResponse<String> response = get(path);
        for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
            response = send(HttpRequest.newBuilder(response.uri().resolve(response.headers().firstValue("Location").orElseThrow()))
                    .GET().build());
        }
        return new Page(response);
    }

    public HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        headers.forEach(builder::header);
        return send(builder.build());
    }

    /** Fills the named form of a page and submits it with the given button, as the browser would. */
    public HttpResponse<String> submit(Page page, String formId, Map<String, String> values, String button) {
        Element form = page.document().getElementById(formId);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            if (!"submit".equals(input.attr("type")) && !"button".equals(input.attr("type"))) {
                fields.put(input.attr("name"), input.val());
            }
        }
        fields.putAll(values);
        fields.put(button, "");
        // As PrimeFaces' script does in the browser: every Faces form posts back the page's CSP nonce.
        Matcher nonce = CSP_NONCE.matcher(page.response().body());
        if (nonce.find()) {
            fields.put("primefaces.nonce", nonce.group(1));
        }
        return post(URI.create(form.attr("action")).getPath().replaceFirst("^/medsign/", ""), fields, Map.of());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A page as the server sent it. */
    public record Page(HttpResponse<String> response) {

        public Document document() {
            return Jsoup.parse(response.body(), response.uri().toString());
        }

        public String path() {
            return response.uri().getPath();
        }

        public String text() {
            return document().text();
        }
    }
}
