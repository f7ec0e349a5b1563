package org.callsign.wellknown.dns;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The servers and limits of a {@link DnsSrvResolver}. Build with {@link #builder()}; every default is a
 * named constant.
 *
 * @param servers recursive name servers, asked in order; the next one when one times out or fails
 * @param timeout time allowed for one query to one server (UDP, then TCP if the answer was truncated)
 * @param totalTimeout time allowed for the whole lookup, every server and attempt included
 * @param attempts rounds over the server list before giving up
 * @param maxTcpBytes largest response accepted over TCP (over UDP the limit is 512 octets, RFC 1035 §4.2.1)
 * @param cache answer cache, or {@code null} for none
 * @param random source of the weighted ordering among records of equal priority (not of query ids)
 */
public record DnsResolverConfig(
        List<InetSocketAddress> servers,
        Duration timeout,
        Duration totalTimeout,
        int attempts,
        int maxTcpBytes,
        SrvCache cache,
        RandomGenerator random) {

    /** The DNS port (RFC 1035 §4.2). */
    public static final int DNS_PORT = 53;

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_ATTEMPTS = 2;
    /** Far above any sensible SRV set (a few hundred octets) and below the 65,535 TCP messages can reach. */
    public static final int DEFAULT_MAX_TCP_BYTES = 16 * 1024;

    public DnsResolverConfig {
        if (servers == null || servers.isEmpty()) {
            throw new IllegalArgumentException("at least one DNS server is required");
        }
        servers = List.copyOf(servers);
        for (InetSocketAddress server : servers) {
            if (server.isUnresolved()) {
                throw new IllegalArgumentException("DNS server must be an IP address: " + server);
            }
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (totalTimeout == null || totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("totalTimeout must be positive");
        }
        if (attempts < 1 || maxTcpBytes < DnsTransport.MAX_UDP_BYTES || maxTcpBytes > 0xffff) {
            throw new IllegalArgumentException("attempts must be at least 1; maxTcpBytes between 512 and 65535");
        }
        if (random == null) {
            throw new IllegalArgumentException("random is required");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link DnsResolverConfig}; each setter replaces the default named after it. */
    public static final class Builder {
        private List<InetSocketAddress> servers = List.of();
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration totalTimeout = DEFAULT_TOTAL_TIMEOUT;
        private int attempts = DEFAULT_ATTEMPTS;
        private int maxTcpBytes = DEFAULT_MAX_TCP_BYTES;
        private SrvCache cache = new SrvCache();
        private RandomGenerator random = new SecureRandom();

        private Builder() {}

        /** Required: the servers to ask, for instance {@link ResolvConf#nameservers()}. */
        public Builder servers(List<InetSocketAddress> value) {
            servers = value;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder totalTimeout(Duration value) {
            totalTimeout = value;
            return this;
        }

        public Builder attempts(int value) {
            attempts = value;
            return this;
        }

        public Builder maxTcpBytes(int value) {
            maxTcpBytes = value;
            return this;
        }

        /** The default is a new {@link SrvCache} with its default limits; {@code null} disables caching. */
        public Builder cache(SrvCache value) {
            cache = value;
            return this;
        }

        public Builder random(RandomGenerator value) {
            random = value;
            return this;
        }

        public DnsResolverConfig build() {
            return new DnsResolverConfig(servers, timeout, totalTimeout, attempts, maxTcpBytes, cache, random);
        }
    }
}
