package org.callsign.wellknown.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.callsign.wellknown.Authority;
import org.callsign.wellknown.UriRuleException;

/**
 * A resolver that answers some host-and-port pairs itself and asks another resolver for the rest, like
 * curl's {@code --resolve host:port:addr} and {@code --connect-to host:port:addr:port}. It lets tests and
 * single-machine deployments give several domains to 127.0.0.1 while TLS still checks the real host name.
 */
final class ResolveOverrides implements HostResolver {
    private final Map<String, InetSocketAddress> targets;
    private final HostResolver fallback;

    ResolveOverrides(Map<String, InetSocketAddress> targets, HostResolver fallback) {
        this.targets = Map.copyOf(targets);
        this.fallback = fallback;
    }

    static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    /**
     * Parses curl's {@code host:port:address} ({@code [v6]} in brackets) into a key and target.
     *
     * @throws IllegalArgumentException when the entry is not of that form
     */
    static Map.Entry<String, InetSocketAddress> parse(String entry) {
        int first = entry.indexOf(':');
        int second = first < 0 ? -1 : entry.indexOf(':', first + 1);
        if (first <= 0 || second < 0) {
            throw new IllegalArgumentException("resolve entry must be host:port:address, got: " + entry);
        }
        String host = entry.substring(0, first);
        String address = entry.substring(second + 1);
        try {
            Authority hostOnly = Authority.parse(host);
            int port = Integer.parseInt(entry.substring(first + 1, second));
            Authority target = Authority.parse(address.startsWith("[") ? address : literal(address));
            if (!target.isIpLiteral()) {
                throw new IllegalArgumentException("resolve target must be an IP address, got: " + address);
            }
            InetAddress ip = InetAddress.getByName(target.uriHost());
            return Map.entry(key(hostOnly.host(), port), new InetSocketAddress(ip, port));
        } catch (UriRuleException | NumberFormatException | UnknownHostException e) {
            throw new IllegalArgumentException("resolve entry must be host:port:address, got: " + entry, e);
        }
    }

    private static String literal(String address) {
        return address.indexOf(':') >= 0 ? "[" + address + "]" : address;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        InetSocketAddress target = targets.get(key(host, port));
        return target != null ? List.of(target) : fallback.resolve(host, port);
    }
}
