package org.callsign.wellknown.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The default {@link SrvResolver}: a stub resolver that sends plain RFC 1035 queries to recursive servers
 * over UDP, again over TCP when the answer is truncated, and caches answers per TTL.
 *
 * <p>Each query gets a random id and its own randomly numbered UDP port; only an answer from the server
 * asked that echoes the id and question is accepted (RFC 5452). A server that times out, fails (SERVFAIL,
 * REFUSED, another RCODE) or answers with a malformed message is passed over for the next, for
 * {@link DnsResolverConfig#attempts()} rounds, all within {@link DnsResolverConfig#totalTimeout()}; the
 * last server's failure is reported. NXDOMAIN and NODATA are answers, given at once and cached (RFC 2308).
 * Thread safe.
 */
public final class DnsSrvResolver implements SrvResolver {
    /** Longest name quoted in an error message for a name that was refused. */
    private static final int MAX_QUOTED_NAME = 80;

    private final DnsResolverConfig config;
    private final DnsTransport transport;
    private final SecureRandom ids = new SecureRandom();

    public DnsSrvResolver(DnsResolverConfig config) {
        this.config = config;
        this.transport = new DnsTransport(config.maxTcpBytes());
    }

    /** A resolver asking the servers of {@code /etc/resolv.conf} with the default limits and a cache. */
    public static DnsSrvResolver fromResolvConf() throws IOException {
        return new DnsSrvResolver(
                DnsResolverConfig.builder().servers(ResolvConf.nameservers()).build());
    }

    public DnsResolverConfig config() {
        return config;
    }

    @Override
    public List<SrvRecord> lookup(String name) throws DnsException {
        String normalized;
        try {
            normalized = DnsName.normalize(name);
        } catch (IllegalArgumentException e) {
            throw new DnsException(DnsFailure.INVALID_NAME, quote(name), e.getMessage());
        }
        SrvCache cache = config.cache();
        SrvCache.Entry cached = cache == null ? null : cache.get(normalized);
        if (cached != null) {
            if (cached.failure() != null) {
                throw new DnsException(cached.failure(), normalized, cached.detail() + " (cached)");
            }
            return SrvOrder.order(cached.records(), config.random());
        }
        DnsResponse response = ask(normalized);
        if (response.rcode() == DnsResponse.RCODE_NXDOMAIN) {
            throw negative(normalized, DnsFailure.NO_SUCH_DOMAIN, "the name does not exist (NXDOMAIN)", response);
        }
        if (response.records().isEmpty()) {
            throw negative(normalized, DnsFailure.NO_RECORDS, "the name has no SRV record", response);
        }
        if (cache != null) {
            cache.putRecords(normalized, response.records());
        }
        return SrvOrder.order(response.records(), config.random());
    }

    private DnsException negative(String name, DnsFailure failure, String detail, DnsResponse response) {
        if (config.cache() != null) {
            config.cache().putFailure(name, failure, detail, response.negativeTtl());
        }
        return new DnsException(failure, name, detail);
    }

    /** The first NOERROR or NXDOMAIN answer from the servers in turn. */
    private DnsResponse ask(String name) throws DnsException {
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        long perQuery = config.timeout().toNanos();
        DnsException last = null;
        for (int attempt = 0; attempt < config.attempts(); attempt++) {
            for (InetSocketAddress server : config.servers()) {
                long now = System.nanoTime();
                if (deadline - now <= 0) {
                    return timedOut(name, last);
                }
                long until = now + Math.min(perQuery, deadline - now);
                try {
                    DnsResponse response = exchange(server, name, until);
                    int rcode = response.rcode();
                    if (rcode == DnsResponse.RCODE_NOERROR || rcode == DnsResponse.RCODE_NXDOMAIN) {
                        return response;
                    }
                    last = rcodeFailure(name, server, rcode);
                } catch (SocketTimeoutException e) {
                    last = new DnsException(DnsFailure.TIMEOUT, name, "no answer from " + server + " in time", e);
                } catch (IOException e) {
                    last = new DnsException(DnsFailure.NETWORK_ERROR, name, e + " talking to " + server, e);
                } catch (DnsProtocolException e) {
                    last = new DnsException(e.failure(), name, e.getMessage() + " from " + server);
                }
            }
        }
        if (last != null) {
            throw last;
        }
        return timedOut(name, null);
    }

    private DnsResponse exchange(InetSocketAddress server, String name, long until)
            throws IOException, DnsProtocolException {
        DnsResponse response = transport.udp(server, new DnsQuery(ids.nextInt(0x10000), name), until);
        if (response.truncated()) {
            response = transport.tcp(server, new DnsQuery(ids.nextInt(0x10000), name), until);
        }
        return response;
    }

    private DnsResponse timedOut(String name, DnsException last) throws DnsException {
        long millis = TimeUnit.NANOSECONDS.toMillis(config.totalTimeout().toNanos());
        String detail = "no answer within the total timeout of " + millis + " ms";
        if (last != null && last.failure() != DnsFailure.TIMEOUT) {
            detail += "; last failure: " + last.getMessage();
        }
        throw new DnsException(DnsFailure.TIMEOUT, name, detail, last);
    }

    private static DnsException rcodeFailure(String name, InetSocketAddress server, int rcode) {
        return switch (rcode) {
            case DnsResponse.RCODE_SERVFAIL ->
                new DnsException(DnsFailure.SERVER_FAILURE, name, "SERVFAIL from " + server);
            case DnsResponse.RCODE_REFUSED -> new DnsException(DnsFailure.REFUSED, name, "REFUSED by " + server);
            case DnsResponse.RCODE_FORMERR ->
                new DnsException(DnsFailure.UNEXPECTED_RCODE, name, "FORMERR from " + server);
            case DnsResponse.RCODE_NOTIMP ->
                new DnsException(DnsFailure.UNEXPECTED_RCODE, name, "NOTIMP from " + server);
            default -> new DnsException(DnsFailure.UNEXPECTED_RCODE, name, "RCODE " + rcode + " from " + server);
        };
    }

    private static String quote(String name) {
        if (name == null) {
            return "(null)";
        }
        String shown = name.length() <= MAX_QUOTED_NAME ? name : name.substring(0, MAX_QUOTED_NAME) + "…";
        return shown.replaceAll("[\\p{Cntrl}]", "?");
    }
}
