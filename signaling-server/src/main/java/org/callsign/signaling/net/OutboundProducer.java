package org.callsign.signaling.net;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchCache;
import org.callsign.wellknown.fetch.FetchPolicy;
import org.callsign.wellknown.fetch.Fetcher;
import org.callsign.wellknown.fetch.PemTrustStore;

/**
 * The ways out of this server: a hardened {@link Fetcher} (address rules, size caps, timeouts, a cache) for IdP
 * proxy scripts, WebFinger, other servers' documents and federation requests, and the IdP sandbox on top of it; and
 * a second one, {@link PushFetcher}, for Web Push messages. {@code callsign.signaling.net.*} configures them.
 */
@Dependent
public class OutboundProducer {

    private static final String CONNECT_TO = "callsign.signaling.net.connect-to";

    /** The largest answer of a push service read: they answer with headers and at most a short error. */
    private static final long PUSH_ANSWER_BYTES = 16 * 1024;

    @Produces
    @Singleton
    Fetcher fetcher(SignalingConfig config) {
        SignalingConfig.Net net = config.net();
        FetchPolicy.Builder policy = common(net)
                .cache(new FetchCache())
                .totalTimeout(config.federation().timeout())
                .addressPolicy(net.allowLoopback() ? new AddressPolicy(true, true, false) : AddressPolicy.PUBLIC_ONLY);
        return new DefaultFetcher(policy.build());
    }

    /**
     * The fetcher of Web Push messages: HTTPS to public addresses; with {@code net.allow-loopback}, loopback too, and
     * plain HTTP to loopback (a push service in tests). No cache, and small answers (push services send none).
     */
    @Produces
    @Singleton
    @PushFetcher
    Fetcher pushFetcher(SignalingConfig config) {
        boolean loopback = config.net().allowLoopback();
        FetchPolicy.Builder policy = common(config.net())
                .totalTimeout(config.push().timeout())
                .maxBodyBytes(PUSH_ANSWER_BYTES)
                .addressPolicy(loopback ? AddressPolicy.PUBLIC_AND_LOOPBACK : AddressPolicy.PUBLIC_ONLY)
                .plainHttpOnLoopback(loopback);
        return new DefaultFetcher(policy.build());
    }

    /** What every outbound fetcher shares: the trusted CAs and the {@code connect-to} pairs. */
    private static FetchPolicy.Builder common(SignalingConfig.Net net) {
        FetchPolicy.Builder policy = FetchPolicy.builder();
        net.trustStore().ifPresent(file -> policy.trustStore(trustStore(file)));
        for (String entry : net.connectTo().orElse(List.of())) {
            connectTo(policy, entry);
        }
        return policy;
    }

    @Produces
    @Singleton
    IdpSandbox sandbox(Fetcher fetcher) {
        return new IdpSandbox(fetcher, SandboxConfig.defaults());
    }

    void close(@Disposes IdpSandbox sandbox) {
        sandbox.close();
    }

    @Produces
    @Singleton
    IdentityVerifier identityVerifier(IdpSandbox sandbox) {
        return new IdentityVerifier(sandbox, DomainRule.STRICT);
    }

    /** Adds one {@code host:port=ip:port} entry. */
    static void connectTo(FetchPolicy.Builder policy, String entry) {
        String[] sides = entry.trim().split("=", -1);
        if (sides.length != 2) {
            throw new IllegalStateException(CONNECT_TO + " entries are host:port=ip:port: " + entry);
        }
        InetSocketAddress from = hostPort(sides[0], entry);
        InetSocketAddress to = hostPort(sides[1], entry);
        if (to.isUnresolved()) {
            throw new IllegalStateException(CONNECT_TO + " must name an IP address after '=': " + entry);
        }
        policy.connectTo(from.getHostString(), from.getPort(), to);
    }

    private static InetSocketAddress hostPort(String value, String entry) {
        int colon = value.lastIndexOf(':');
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            String host = value.substring(0, colon);
            if (colon <= 0 || port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return host.contains(":") || host.matches("[0-9.]+")
                    ? new InetSocketAddress(InetAddress.getByName(host), port)
                    : InetSocketAddress.createUnresolved(host, port);
        } catch (NumberFormatException | StringIndexOutOfBoundsException | IOException e) {
            throw new IllegalStateException(CONNECT_TO + " entries are host:port=ip:port: " + entry);
        }
    }

    /** A trust store holding every certificate of a PEM file. */
    static KeyStore trustStore(Path file) {
        try {
            return PemTrustStore.load(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("callsign.signaling.net.trust-store: " + e.getMessage());
        }
    }
}
