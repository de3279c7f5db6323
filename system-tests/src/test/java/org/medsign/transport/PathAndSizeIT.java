package org.medsign.transport;

import org.junit.jupiter.api.Test;
import org.medsign.card.CardHttp;
import org.medsign.card.CardHttp.Reply;
import org.medsign.systemtest.SystemTest;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Path tricks on the PKI and the static resources reach nothing outside them, and a request over the size limit is
 * refused from its declared length alone: the answer comes although the body is never sent.
 */
@SystemTest
class PathAndSizeIT {

    private static final String FROM = "127.0.0.11";

    /** Ways to climb out of /pki/ and the resources, to smuggle a NUL or an encoded separator, or to reach WEB-INF. */
    private static final List<String> TRICKS = List.of(
            "pki/../WEB-INF/web.xml", "pki/%2e%2e/WEB-INF/web.xml", "pki/mobile/..%2f..%2fWEB-INF%2fweb.xml",
            "pki/mobile/%2e%2e%2f%2e%2e%2fWEB-INF/web.xml", "pki/mobile/..;/..;/WEB-INF/web.xml",
            "pki/mobile/..%5c..%5cWEB-INF%5cweb.xml", "pki/mobile/ca.crt%00.html", "pki/mobile/%c0%ae%c0%ae/WEB-INF/web.xml",
            "pki/mobile/ca.crt/../../WEB-INF/web.xml", "pki/mobile/ocsp/..%2f..%2f..%2fWEB-INF%2fweb.xml",
            "pki/mobile/ca.crl?file=../../WEB-INF/web.xml", "pki/mobile/%252e%252e/%252e%252e/WEB-INF/web.xml",
            "resources/medsign/../../WEB-INF/web.xml", "resources/medsign/%2e%2e/%2e%2e/WEB-INF/web.xml",
            "resources/../WEB-INF/beans.xml", "WEB-INF/web.xml", "web-inf/web.xml", "%57EB-INF/web.xml",
            "META-INF/MANIFEST.MF", "WEB-INF/classes/org/medsign/portal/LoginView.class",
            "jakarta.faces.resource/..%2fWEB-INF%2fweb.xml.xhtml", "jakarta.faces.resource/web.xml.xhtml?ln=../WEB-INF",
            "jakarta.faces.resource/card.js.xhtml?ln=medsign/../../WEB-INF", "jakarta.faces.resource/%2e%2e/WEB-INF/web.xml.xhtml",
            "jakarta.faces.resource/faces-config.xml.xhtml?ln=..", "jakarta.faces.resource/web.xml.xhtml?ln=WEB-INF",
            "jakarta.faces.resource/medsign/..\\..\\WEB-INF\\web.xml.xhtml", "login.xhtml/../WEB-INF/web.xml",
            "portal/../WEB-INF/web.xml", "app/../WEB-INF/web.xml");

    /** What only a file medsign never serves would contain. */
    private static final List<String> SECRETS = List.of("<web-app", "<beans", "<faces-config", "Manifest-Version",
            "CAFEBABE", "\u00ca\u00fe\u00ba\u00be");

    @Test
    void pathTricksReachNothingOutsideThePkiAndTheResources() throws Exception {
        List<String> leaks = new ArrayList<>();
        CardHttp http = new CardHttp(FROM);
        for (String path : TRICKS) {
            Reply reply = http.get(path);
            if (reply.status() >= 500) {
                leaks.add(path + ": " + reply.status());
            }
            if (reply.status() == 200 && SECRETS.stream().anyMatch(reply.body()::contains)) {
                leaks.add(path + ": served " + reply.body().substring(0, Math.min(80, reply.body().length())));
            }
            if (reply.body().contains("at org.") || reply.body().contains("Exception")) {
                leaks.add(path + ": a stack trace");
            }
        }
        assertEquals(List.of(), leaks);
        // and the real files are still there
        assertEquals(200, http.get("pki/mobile/ca.crt").status());
        assertEquals(200, http.get("jakarta.faces.resource/card.js.xhtml?ln=medsign").status());
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        for (String[] target : new String[][]{
                {"login.xhtml", "application/x-www-form-urlencoded", "MS-9006"},
                {"card/login", "application/json", "MS-9006"},
                {"logout", "application/x-www-form-urlencoded", "MS-9006"},
                {"api/v1/sessions", "application/json", "MS-9006"}}) {
            String head = "POST /medsign/" + target[0] + " HTTP/1.1\r\nHost: " + CardHttp.HOST + "\r\nOrigin: " + CardHttp.ORIGIN
                    + "\r\nContent-Type: " + target[1] + "\r\nContent-Length: " + (4L << 20) + "\r\nConnection: close";
            // 4 MiB announced, 10 bytes sent: only a server that answers from the length alone replies at all
            Reply reply = new CardHttp(FROM).exchange(head, "0123456789".getBytes());
            assertEquals(413, reply.status(), target[0] + ": " + reply.body());
            assertTrue(reply.body().contains(target[2]), target[0] + ": " + reply.body());
        }
    }
}
