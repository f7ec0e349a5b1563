package org.callsign.wellknown.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which IP addresses the fetcher may connect to. IdP and signaling domains come from untrusted input (an
 * {@code a=identity} attribute, a callee's identity), so by default only public unicast addresses are
 * allowed: anything else would let a remote party make a server request its own loopback, internal network
 * or a cloud metadata endpoint (server-side request forgery).
 *
 * <p>The check applies to the address actually connected to, after name resolution, so a name that
 * resolves differently on a second lookup (DNS rebinding) gains nothing.
 *
 * @param allowLoopback allow 127.0.0.0/8 and ::1 (development and tests)
 * @param allowPrivate allow RFC 1918, shared (100.64.0.0/10), benchmarking (198.18.0.0/15), unique local
 *     (fc00::/7) and site-local (fec0::/10) addresses, for deployments on a private network
 * @param allowLinkLocal allow 169.254.0.0/16 and fe80::/10; rarely wise, since cloud metadata lives there
 */
public record AddressPolicy(boolean allowLoopback, boolean allowPrivate, boolean allowLinkLocal) {
    /** Public unicast addresses only: the default. */
    public static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(false, false, false);

    /** Public addresses and loopback: for servers and tests on one machine. */
    public static final AddressPolicy PUBLIC_AND_LOOPBACK = new AddressPolicy(true, false, false);

    /**
     * Why the address is refused ("loopback", "private", "link-local", "unspecified", "multicast",
     * "reserved"), or empty when it may be connected to. Unspecified, multicast and reserved addresses are
     * always refused.
     */
    public Optional<String> refusal(InetAddress address) {
        InetAddress effective = embeddedIpv4(address);
        String category = category(effective);
        return switch (category) {
            case "public" -> Optional.empty();
            case "loopback" -> allowLoopback ? Optional.empty() : Optional.of(category);
            case "private" -> allowPrivate ? Optional.empty() : Optional.of(category);
            case "link-local" -> allowLinkLocal ? Optional.empty() : Optional.of(category);
            default -> Optional.of(category);
        };
    }

    /** Classifies an address: public, loopback, private, link-local, unspecified, multicast or reserved. */
    static String category(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) {
                return "reserved";
            }
            if ((first == 100 && second >= 64 && second <= 127) || (first == 198 && (second == 18 || second == 19))) {
                return "private";
            }
            return "public";
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return "private";
        }
        return "public";
    }

    /**
     * Returns the IPv4 address embedded in an IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::/96) IPv6
     * address, so that it is judged as what it reaches. (The JDK already returns IPv4-mapped addresses as
     * {@link Inet4Address}.)
     */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean compatible = isZero(b, 0, 12) && !(isZero(b, 12, 15) && (b[15] == 0 || b[15] == 1));
        boolean nat64 =
                b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12);
        if (!compatible && !nat64) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
