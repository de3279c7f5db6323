package org.medsign.transport;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.medsign.signing.eportal.Intranet;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whose address a request is: X-Forwarded-For counts only when the balancer (a trusted proxy) sent it. */
class ClientAddressTest {

    private static final Intranet HOSPITAL = Intranet.of("10.0.0.0/8", "192.0.2.10/32,192.0.2.11/32");

    @Test
    void aForgedForwardedForFromAnUntrustedAddressIsIgnored() {
        assertEquals("203.0.113.7", ClientAddress.of(request("203.0.113.7", "10.1.2.3"), HOSPITAL),
                "an outsider cannot claim an intranet address");
        assertEquals("10.9.9.9", ClientAddress.of(request("10.9.9.9", "127.0.0.1, 10.1.2.3"), HOSPITAL),
                "an intranet client is no proxy either");
    }

    @Test
    void behindTheBalancerTheClientIsTheLastHopItDidNotAdd() {
        assertEquals("10.1.2.3", ClientAddress.of(request("192.0.2.10", "10.1.2.3"), HOSPITAL));
        assertEquals("10.1.2.3", ClientAddress.of(request("192.0.2.10", "6.6.6.6, 10.1.2.3"), HOSPITAL),
                "what the client itself put first is not believed");
        assertEquals("10.1.2.3", ClientAddress.of(request("192.0.2.11", "10.1.2.3, 192.0.2.10"), HOSPITAL),
                "through both balancers");
        assertEquals("192.0.2.10", ClientAddress.of(request("192.0.2.10", null), HOSPITAL), "nothing forwarded");
    }

    @Test
    void withoutAConfiguredProxyNoForwardedHeaderIsEverBelieved() {
        Intranet none = Intranet.of("10.0.0.0/8", null);
        assertEquals("192.0.2.10", ClientAddress.of(request("192.0.2.10", "10.1.2.3"), none));
    }

    /** A request from {@code peer} carrying {@code forwardedFor}, and nothing else (every other call answers null). */
    private static HttpServletRequest request(String peer, String forwardedFor) {
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) args[0]) ? forwardedFor : null;
                    default -> null;
                });
    }
}
