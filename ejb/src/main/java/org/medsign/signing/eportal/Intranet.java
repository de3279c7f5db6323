package org.medsign.signing.eportal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hospital intranet (院內網路) for M19: {@code medsign.intranet.cidrs} (address ranges) and
 * {@code medsign.intranet.trusted-proxies} (only from these is X-Forwarded-For believed: its last address that is
 * not itself a trusted proxy is the client).
 */
@ApplicationScoped
public class Intranet {

    @Inject
    @ConfigProperty(name = "medsign.intranet.cidrs", defaultValue = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,127.0.0.0/8")
    String cidrs;

    /** None by default: without a configured proxy, X-Forwarded-For is never believed. */
    @Inject
    @ConfigProperty(name = "medsign.intranet.trusted-proxies")
    java.util.Optional<String> proxies;

    private List<Range> ranges;
    private List<Range> trustedProxies;

    /** An intranet configured by hand, where CDI does not configure one (tests, tools). */
    public static Intranet of(String cidrs, String trustedProxies) {
        Intranet intranet = new Intranet();
        intranet.cidrs = cidrs;
        intranet.proxies = java.util.Optional.ofNullable(trustedProxies);
        intranet.parse();
        return intranet;
    }

    @PostConstruct
    void parse() {
        ranges = parse(cidrs);
        trustedProxies = parse(proxies.orElse(""));
    }

    public boolean contains(String address) {
        return matches(ranges, address);
    }

    /** Whether the peer is a configured proxy, whose forwarded headers (address, protocol) are believed. */
    public boolean trustedProxy(String peer) {
        return matches(trustedProxies, peer);
    }

    /** The real client: the peer, unless the peer is a trusted proxy; then the forwarded chain, read from the right. */
    public String clientAddress(String peer, String forwardedFor) {
        if (forwardedFor == null || !matches(trustedProxies, peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>(Arrays.stream(forwardedFor.split(",")).map(String::strip).toList());
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && matches(trustedProxies, client); i--) {
            client = hops.get(i);
        }
        return client;
    }

    private static boolean matches(List<Range> ranges, String address) {
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            return ranges.stream().anyMatch(r -> r.contains(bytes));
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    private static List<Range> parse(String text) {
        List<Range> result = new ArrayList<>();
        for (String cidr : text.split(",")) {
            if (!cidr.isBlank()) {
                result.add(Range.of(cidr.strip()));
            }
        }
        return result;
    }

    /** One CIDR range, IPv4 or IPv6. */
    record Range(byte[] network, int prefix) {

        static Range of(String cidr) {
            String[] parts = cidr.split("/");
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                return new Range(network, parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an address range: " + cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int shift = address.length * 8 - prefix;
            return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
