package org.callsign.signaling.discovery.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.wellknown.dns.DnsException;
import org.callsign.wellknown.dns.DnsFailure;
import org.callsign.wellknown.dns.DnsResolverConfig;
import org.callsign.wellknown.dns.DnsSrvResolver;
import org.callsign.wellknown.dns.ResolvConf;
import org.callsign.wellknown.dns.SrvRecord;
import org.callsign.wellknown.dns.SrvResolver;
import org.jboss.logging.Logger;

/**
 * The SRV fallback on {@code well-known}'s DNS client, asking {@code callsign.signaling.net.dns-servers} or the
 * {@code nameserver}s of resolv.conf; answers are cached for their TTL.
 */
@Singleton
public class DnsServiceRecords implements ServiceRecords {

    private static final Logger LOG = Logger.getLogger(DnsServiceRecords.class);

    private final SrvResolver resolver;

    @Inject
    public DnsServiceRecords(SignalingConfig config) {
        this(resolver(servers(config)));
    }

    DnsServiceRecords(SrvResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public Optional<String> origin(String domain) throws DiscoveryException {
        String name = ServiceRecords.name(domain.replaceFirst(":\\d+$", ""));
        List<SrvRecord> records;
        try {
            records = resolver.lookup(name);
        } catch (DnsException e) {
            return switch (e.failure()) {
                case NO_SUCH_DOMAIN, NO_RECORDS, INVALID_NAME -> Optional.empty();
                default ->
                    throw new DiscoveryException(
                            DiscoveryFailure.SERVER_UNREACHABLE, "DNS SRV " + name + ": " + e.getMessage(), e);
            };
        }
        if (records.isEmpty() || records.get(0).noService()) {
            throw new DiscoveryException(
                    DiscoveryFailure.NO_SIGNALING_SERVER, "DNS SRV " + name + " says there is no such service");
        }
        SrvRecord best = records.get(0);
        return Optional.of(Origins.parse("https://" + best.target() + ":" + best.port()));
    }

    /** A resolver on the servers; without any, every lookup fails as {@code network-error} (logged once at start). */
    private static SrvResolver resolver(List<InetSocketAddress> servers) {
        if (servers.isEmpty()) {
            LOG.warn("no DNS server to ask for SRV records: set callsign.signaling.net.dns-servers");
            return name -> {
                throw new DnsException(DnsFailure.NETWORK_ERROR, name, "no DNS server is configured");
            };
        }
        return new DnsSrvResolver(DnsResolverConfig.builder().servers(servers).build());
    }

    private static List<InetSocketAddress> servers(SignalingConfig config) {
        Optional<List<String>> configured = config.net().dnsServers();
        if (configured.isEmpty()) {
            try {
                return ResolvConf.nameservers();
            } catch (IOException e) {
                return List.of();
            }
        }
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String entry : configured.get()) {
            servers.add(address(entry.trim()));
        }
        return servers;
    }

    private static InetSocketAddress address(String entry) {
        try {
            String host = entry;
            int port = DnsResolverConfig.DNS_PORT;
            int colon = entry.lastIndexOf(':');
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                host = entry.substring(1, close);
                if (close + 1 < entry.length()) {
                    port = Integer.parseInt(entry.substring(close + 2));
                }
            } else if (colon > 0 && entry.indexOf(':') == colon) {
                host = entry.substring(0, colon);
                port = Integer.parseInt(entry.substring(colon + 1));
            }
            if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                throw new IllegalArgumentException();
            }
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("callsign.signaling.net.dns-servers entries are ip[:port]: " + entry);
        }
    }
}
