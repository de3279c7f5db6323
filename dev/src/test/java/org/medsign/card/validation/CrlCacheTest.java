package org.medsign.card.validation;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.medsign.dev.hca.TestHca;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrlCacheTest {

    private final URI location = URI.create(TestHca.CRL_URL);

    @Test
    void aCrlIsFetchedOnceUntilItsRefreshThenAgain() throws Exception {
        TestHca hca = new TestHca();
        Instant now = Instant.now();
        byte[] crl = hca.cardCrl(now).getEncoded();
        AtomicInteger fetches = new AtomicInteger();
        CrlCache cache = new CrlCache(uri -> {
            fetches.incrementAndGet();
            return crl;
        }, Duration.ofMinutes(10));
        assertTrue(cache.current(location, hca.cardCa(), now).isPresent());
        assertTrue(cache.current(location, hca.cardCa(), now.plus(Duration.ofMinutes(9))).isPresent());
        assertEquals(1, fetches.get());
        assertTrue(cache.current(location, hca.cardCa(), now.plus(Duration.ofMinutes(11))).isPresent());
        assertEquals(2, fetches.get());
        cache.forget(location);
        cache.current(location, hca.cardCa(), now.plus(Duration.ofMinutes(12)));
        assertEquals(3, fetches.get(), "a forgotten CRL is fetched at the next use");
    }

    @Test
    void whenTheDistributionPointFailsTheCachedCrlServesWhileCurrentAndRetriesWaitAMinute() throws Exception {
        TestHca hca = new TestHca();
        Instant now = Instant.now();
        byte[] crl = hca.cardCrl(now).getEncoded();
        AtomicInteger fetches = new AtomicInteger();
        CrlCache cache = new CrlCache(uri -> {
            if (fetches.incrementAndGet() > 1) {
                throw new IOException("down");
            }
            return crl;
        }, Duration.ofMinutes(10));
        cache.current(location, hca.cardCa(), now);
        Instant later = now.plus(Duration.ofHours(1));
        assertTrue(cache.current(location, hca.cardCa(), later).isPresent(), "still before nextUpdate");
        assertTrue(cache.current(location, hca.cardCa(), later.plusSeconds(30)).isPresent());
        assertEquals(2, fetches.get(), "no second try within a minute of a failure");
        assertTrue(cache.current(location, hca.cardCa(), now.plus(Duration.ofDays(8))).isEmpty(), "past nextUpdate");
    }

    @Test
    void aCrlOfAnotherIssuerIsNotUsed() throws Exception {
        TestHca hca = new TestHca();
        byte[] crl = hca.cardCrl(Instant.now()).getEncoded();
        CrlCache cache = new CrlCache(uri -> crl, Duration.ofMinutes(10));
        assertTrue(cache.current(location, hca.root(), Instant.now()).isEmpty());
    }

    @Test
    void httpFetchesWithLimits() throws Exception {
        TestHca hca = new TestHca();
        byte[] crl = hca.cardCrl(Instant.now()).getEncoded();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok.crl", exchange -> {
            exchange.sendResponseHeaders(200, crl.length);
            exchange.getResponseBody().write(crl);
            exchange.close();
        });
        server.createContext("/missing.crl", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertArrayEquals(crl, new HttpCrlSource(Duration.ofSeconds(5), 1_000_000).fetch(URI.create(base + "/ok.crl")));
            assertThrows(IOException.class, () -> new HttpCrlSource(Duration.ofSeconds(5), 1_000_000)
                    .fetch(URI.create(base + "/missing.crl")));
            assertThrows(IOException.class, () -> new HttpCrlSource(Duration.ofSeconds(5), 100)
                    .fetch(URI.create(base + "/ok.crl")), "larger than allowed");
            assertThrows(IOException.class, () -> new HttpCrlSource(Duration.ofSeconds(5), 100)
                    .fetch(URI.create("ldap://hca.test/cn=crl")));
        } finally {
            server.stop(0);
        }
    }
}
