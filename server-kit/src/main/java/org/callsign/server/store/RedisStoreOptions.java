package org.callsign.server.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how {@link RedisKeyValueStore} keeps its data. Invalid options are refused when the record is made, with
 * a message that never quotes the URL (it may hold a password).
 *
 * @param url {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://} for TLS (the server's
 *     certificate is checked against the trusted CAs and the URL's host name); the default port is {@value
 *     #DEFAULT_PORT}. Reserved characters in the user or password are percent-encoded. Only {@link #endpoint()}, which
 *     leaves the password out, is ever shown.
 * @param keyPrefix prepended to the name of every hash, so that several deployments, or both services, can share one
 *     Redis: matches {@link #KEY_PREFIX_PATTERN}
 * @param timeout the longest wait for a connection or for the answer to one command; past it the call fails with
 *     {@link StoreException}. Positive, at most {@link #MAX_TIMEOUT}
 * @param allowWeakDurability open the store even when the server does not fsync every write before answering it, or
 *     when it refuses to say (see {@link RedisKeyValueStore}); for caches and tests whose data may be lost
 * @param trustStore a PEM file of the certificate authorities trusted for a {@code rediss://} server, instead of the
 *     JVM's; only with {@code rediss://}
 */
public record RedisStoreOptions(
        String url, String keyPrefix, Duration timeout, boolean allowWeakDurability, Optional<Path> trustStore) {

    /** The port of a URL that names none: Redis's own. */
    public static final int DEFAULT_PORT = 6379;

    /** The default wait for a connection or the answer to one command. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The longest timeout accepted: a store call should never hold a request longer. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

    /**
     * Key prefixes: letters, digits and {@code : . _ - { }}, 1 to 128 characters ({@code callsign:signaling:}). Braces
     * allow a Redis Cluster hash tag.
     */
    public static final String KEY_PREFIX_PATTERN = "[A-Za-z0-9:._{}-]{1,128}";

    public RedisStoreOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(trustStore, "trustStore");
        URI parsed = parse(url);
        if (!keyPrefix.matches(KEY_PREFIX_PATTERN)) {
            throw new IllegalArgumentException("invalid redis key prefix: " + keyPrefix);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(
                    "redis timeout must be positive and at most " + MAX_TIMEOUT + ": " + timeout);
        }
        if (trustStore.isPresent()) {
            if (!parsed.getScheme().equals("rediss")) {
                throw new IllegalArgumentException("a redis trust store needs a rediss:// URL (TLS), not redis://");
            }
            if (!Files.isRegularFile(trustStore.get()) || !Files.isReadable(trustStore.get())) {
                throw new IllegalArgumentException("redis trust store is not a readable file: " + trustStore.get());
            }
        }
    }

    /** Options with the {@link #DEFAULT_TIMEOUT} and the JVM's trusted CAs, that insist on durable writes. */
    public RedisStoreOptions(String url, String keyPrefix) {
        this(url, keyPrefix, DEFAULT_TIMEOUT, false, Optional.empty());
    }

    /** These options with another timeout. */
    public RedisStoreOptions withTimeout(Duration newTimeout) {
        return new RedisStoreOptions(url, keyPrefix, newTimeout, allowWeakDurability, trustStore);
    }

    /** These options, allowing (or not) a server that does not fsync every write. */
    public RedisStoreOptions withAllowWeakDurability(boolean allow) {
        return new RedisStoreOptions(url, keyPrefix, timeout, allow, trustStore);
    }

    /** These options, trusting the CAs of the PEM file {@code pemFile} for TLS. */
    public RedisStoreOptions withTrustStore(Path pemFile) {
        return new RedisStoreOptions(url, keyPrefix, timeout, allowWeakDurability, Optional.of(pemFile));
    }

    /** The server as messages and logs name it: scheme, user if any, host, port and database; never the password. */
    public String endpoint() {
        URI uri = parse(url);
        String userInfo = uri.getRawUserInfo();
        String user = userInfo == null ? "" : userInfo.substring(0, userInfo.indexOf(':'));
        String path = uri.getPath() == null || uri.getPath().equals("/") ? "" : uri.getPath();
        return uri.getScheme() + "://" + (user.isEmpty() ? "" : user + "@") + uri.getHost() + ":" + port(uri) + path;
    }

    /** Whether the connection uses TLS ({@code rediss://}). */
    public boolean tls() {
        return parse(url).getScheme().equals("rediss");
    }

    /** The options without the password: the URL is shown as its {@link #endpoint()}. */
    @Override
    public String toString() {
        return "RedisStoreOptions[endpoint=" + endpoint() + ", keyPrefix=" + keyPrefix + ", timeout=" + timeout
                + ", allowWeakDurability=" + allowWeakDurability + ", trustStore=" + trustStore + "]";
    }

    private static int port(URI uri) {
        return uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // The cause would quote the URL, password and all.
            throw new IllegalArgumentException("invalid redis URL: not a URI (at index " + e.getIndex() + ")");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException("invalid redis URL: the scheme must be redis or rediss");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("invalid redis URL: no host");
        }
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().indexOf(':') < 0) {
            throw new IllegalArgumentException("invalid redis URL: the user info must be user:password or :password");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("invalid redis URL: no query or fragment is allowed");
        }
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !path.matches("/([0-9]{1,5})?")) {
            throw new IllegalArgumentException("invalid redis URL: the path must be a database number");
        }
        return uri;
    }
}
