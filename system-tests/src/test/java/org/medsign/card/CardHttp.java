package org.medsign.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand over TLS (trusting the development TLS CA) on a socket bound to a chosen loopback address (127.0.0.x), with the session cookie kept.
 * A test can so send any Host and Origin header, and its failures count against an address of its own, apart from
 * the other tests' (card failures are throttled per client address).
 */
public final class CardHttp {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String HOST = "localhost:" + MedsignServer.HTTPS_PORT;
    public static final String ORIGIN = "https://" + HOST;

    private final InetAddress local;
    private final int port;
    private final String host;
    private String cookie;

    /** An answer: status, headers (lower-case names) and body. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        public String code() throws IOException {
            return json().path("code").asText(null);
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    public CardHttp(String localAddress) throws IOException {
        this(localAddress, MedsignServer.HTTPS_PORT);
    }

    /** From {@code localAddress} to another HTTPS port on this machine (a cluster's balancer or one of its nodes). */
    public CardHttp(String localAddress, int httpsPort) throws IOException {
        this.local = InetAddress.getByName(localAddress);
        this.port = httpsPort;
        this.host = "localhost:" + httpsPort;
    }

    public String cookie() {
        return cookie;
    }

    public void cookie(String value) {
        cookie = value;
    }

    public Reply get(String path) throws IOException {
        return send("GET", path, host, null, null);
    }

    public Reply post(String path, String json) throws IOException {
        return post(path, host, "https://" + host, json);
    }

    public Reply post(String path, String host, String origin, String json) throws IOException {
        return send("POST", path, host, origin, json);
    }

    /** Asks for a login challenge; returns its id and the bytes the card signs. */
    public Challenge challenge() throws IOException {
        Reply reply = post("card/challenge", "{}");
        if (reply.status() != 200) {
            throw new AssertionError("no challenge: " + reply.status() + " " + reply.body());
        }
        return Challenge.of(reply.json());
    }

    /** The assertion body the login page would post for this card's signature over the challenge. */
    public static String assertion(Challenge challenge, SoftCard card) throws Exception {
        ObjectNode body = JSON.createObjectNode()
                .put("challengeId", challenge.id())
                .put("signature", card.sign(challenge.text()))
                .put("algorithm", card.algorithm());
        card.chainPem().forEach(body.putArray("certificateChain")::add);
        return body.toString();
    }

    /** Challenge, signature, login: the whole card login of one card. */
    public Reply logIn(SoftCard card) throws Exception {
        return post("card/login", assertion(challenge(), card));
    }

    /** A challenge as the server issued it. */
    public record Challenge(String id, byte[] text, String purpose, JsonNode json) {
        public static Challenge of(JsonNode json) {
            return new Challenge(json.get("challengeId").asText(),
                    Base64.getUrlDecoder().decode(json.get("challenge").asText()), json.path("purpose").asText(), json);
        }

        public String textUtf8() {
            return new String(text, StandardCharsets.UTF_8);
        }
    }

    private Reply send(String method, String path, String host, String origin, String json) throws IOException {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(" /medsign/").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\nConnection: close\r\nAccept: application/json\r\n");
        if (origin != null) {
            head.append("Origin: ").append(origin).append("\r\n");
        }
        if (cookie != null) {
            head.append("Cookie: ").append(cookie).append("\r\n");
        }
        if (json != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        return exchange(head.toString(), body);
    }

    /**
     * One request exactly as given (its head without the closing blank line, then as much of its body as given),
     * answered in full: for requests no client library would send.
     */
    public Reply exchange(String requestHead, byte[] body) throws IOException {
        try (Socket plain = new Socket()) {
            plain.bind(new InetSocketAddress(local, 0));
            plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            plain.setSoTimeout(60_000);
            SSLSocket socket = (SSLSocket) DevTls.sslContext().getSocketFactory()
                    .createSocket(plain, "localhost", port, true);
            SSLParameters verify = socket.getSSLParameters();
            verify.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(verify);
            OutputStream out = socket.getOutputStream();
            out.write((requestHead.endsWith("\r\n") ? requestHead + "\r\n" : requestHead + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private Reply parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        for (String setCookie : headers.getOrDefault("set-cookie", List.of())) {
            if (setCookie.startsWith("MEDSIGNSESSION=")) {
                cookie = setCookie.split(";")[0];
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
            body = dechunk(body);
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("truncated chunk");
                }
                if (c != '\r') {
                    size.append((char) c);
                }
            }
            int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(length));
            in.readNBytes(2);
        }
    }
}
