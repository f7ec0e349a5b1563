package org.callsign.wellknown.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The limits and rules of a {@link DefaultFetcher}. Defaults are safe for loading documents from untrusted
 * domains: HTTPS only, public addresses only, small bodies, short timeouts, few redirects. Build with
 * {@link #builder()}; every default is a named constant.
 *
 * @param connectTimeout time allowed to open the TCP connection to one address
 * @param readTimeout longest silence allowed while reading (the TLS handshake included)
 * @param totalTimeout time allowed for the whole fetch, redirects included
 * @param maxBodyBytes largest response body accepted
 * @param maxHeaderBytes largest status line plus headers accepted
 * @param maxRedirects redirects followed before giving up
 * @param addressPolicy which resolved addresses may be connected to
 * @param plainHttpOnLoopback allow {@code http} URIs, but only to loopback addresses
 * @param sslContext TLS configuration, including the trusted certificate authorities
 * @param resolver name resolution, with any overrides
 * @param cache response cache, or {@code null} for none
 * @param userAgent the {@code User-Agent} header
 * @param maxIdleConnections persistent connections kept open between requests; 0 closes each after its response
 * @param keepAlive how long an idle connection is kept for reuse
 */
public record FetchPolicy(
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        long maxBodyBytes,
        int maxHeaderBytes,
        int maxRedirects,
        AddressPolicy addressPolicy,
        boolean plainHttpOnLoopback,
        SSLContext sslContext,
        HostResolver resolver,
        FetchCache cache,
        String userAgent,
        int maxIdleConnections,
        Duration keepAlive) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BODY_BYTES = 512 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final String DEFAULT_USER_AGENT = "Callsign-well-known/0.1";
    /** Enough for the few origins of a first contact (an IdP's script, its keys) and a handful of realms. */
    public static final int DEFAULT_MAX_IDLE_CONNECTIONS = 8;
    /** Shorter than common server idle timeouts (nginx 75 s, Vert.x and Quarkus longer still). */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(10);

    public FetchPolicy {
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("totalTimeout", totalTimeout);
        requirePositive("keepAlive", keepAlive);
        if (maxBodyBytes <= 0 || maxHeaderBytes <= 0 || maxRedirects < 0 || maxIdleConnections < 0) {
            throw new IllegalArgumentException(
                    "size limits must be positive; redirect and idle-connection limits not negative");
        }
        if (addressPolicy == null || sslContext == null || resolver == null || userAgent == null) {
            throw new IllegalArgumentException("addressPolicy, sslContext, resolver and userAgent are required");
        }
    }

    /** The defaults: see the {@code DEFAULT_*} constants, {@link AddressPolicy#PUBLIC_ONLY}, no cache. */
    public static FetchPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Builder of {@link FetchPolicy}; each setter documents the safe default it replaces. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration totalTimeout = DEFAULT_TOTAL_TIMEOUT;
        private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
        private AddressPolicy addressPolicy = AddressPolicy.PUBLIC_ONLY;
        private boolean plainHttpOnLoopback;
        private SSLContext sslContext;
        private HostResolver resolver = HostResolver.SYSTEM;
        private final Map<String, InetSocketAddress> overrides = new LinkedHashMap<>();
        private FetchCache cache;
        private String userAgent = DEFAULT_USER_AGENT;
        private int maxIdleConnections = DEFAULT_MAX_IDLE_CONNECTIONS;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;

        private Builder() {}

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder readTimeout(Duration value) {
            readTimeout = value;
            return this;
        }

        public Builder totalTimeout(Duration value) {
            totalTimeout = value;
            return this;
        }

        public Builder maxBodyBytes(long value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder maxHeaderBytes(int value) {
            maxHeaderBytes = value;
            return this;
        }

        public Builder maxRedirects(int value) {
            maxRedirects = value;
            return this;
        }

        public Builder addressPolicy(AddressPolicy value) {
            addressPolicy = value;
            return this;
        }

        /** Allows {@code http} URIs whose host resolves to loopback only; never a redirect from https. */
        public Builder plainHttpOnLoopback(boolean value) {
            plainHttpOnLoopback = value;
            return this;
        }

        /** Replaces the JDK's TLS configuration (and its default trusted authorities). */
        public Builder sslContext(SSLContext value) {
            sslContext = value;
            return this;
        }

        /** Trusts exactly the certificates in {@code trustStore} (a private CA, a test CA). */
        public Builder trustStore(KeyStore trustStore) {
            try {
                TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
                factory.init(trustStore);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, factory.getTrustManagers(), null);
                sslContext = context;
                return this;
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("unusable trust store: " + e.getMessage(), e);
            }
        }

        public Builder resolver(HostResolver value) {
            resolver = value;
            return this;
        }

        /** Like curl's {@code --resolve host:port:address}. */
        public Builder resolve(String entry) {
            Map.Entry<String, InetSocketAddress> parsed = ResolveOverrides.parse(entry);
            overrides.put(parsed.getKey(), parsed.getValue());
            return this;
        }

        /** Connects to {@code address} for {@code host:port}; TLS still checks {@code host}. */
        public Builder resolve(String host, int port, InetAddress address) {
            return connectTo(host, port, new InetSocketAddress(address, port));
        }

        /** Like curl's {@code --connect-to}: requests for {@code host:port} go to {@code target}. */
        public Builder connectTo(String host, int port, InetSocketAddress target) {
            overrides.put(ResolveOverrides.key(host, port), target);
            return this;
        }

        public Builder cache(FetchCache value) {
            cache = value;
            return this;
        }

        public Builder userAgent(String value) {
            userAgent = value;
            return this;
        }

        /** Idle connections kept for reuse; 0 sends {@code Connection: close} and reuses nothing. */
        public Builder maxIdleConnections(int value) {
            maxIdleConnections = value;
            return this;
        }

        public Builder keepAlive(Duration value) {
            keepAlive = value;
            return this;
        }

        public FetchPolicy build() {
            SSLContext context = sslContext;
            if (context == null) {
                try {
                    context = SSLContext.getDefault();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("the JDK has no default TLS context", e);
                }
            }
            HostResolver effective = overrides.isEmpty() ? resolver : new ResolveOverrides(overrides, resolver);
            return new FetchPolicy(
                    connectTimeout,
                    readTimeout,
                    totalTimeout,
                    maxBodyBytes,
                    maxHeaderBytes,
                    maxRedirects,
                    addressPolicy,
                    plainHttpOnLoopback,
                    context,
                    effective,
                    cache,
                    userAgent,
                    maxIdleConnections,
                    keepAlive);
        }
    }
}
