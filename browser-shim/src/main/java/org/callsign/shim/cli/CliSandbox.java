package org.callsign.shim.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchCache;
import org.callsign.wellknown.fetch.FetchPolicy;
import org.callsign.wellknown.fetch.PemTrustStore;

/**
 * Builds the fetcher and sandbox for one CLI run from {@code --ca-file}, {@code --resolve},
 * {@code --allow-http-loopback} and {@code --timeout-ms}. By default only public addresses are reached;
 * a {@code --resolve} to a loopback or private address allows that kind of address, and
 * {@code --allow-http-loopback} allows loopback (plain HTTP to loopback only).
 */
final class CliSandbox {
    private CliSandbox() {}

    static IdpSandbox create(CliOptions options, Map<String, String> bearerTokens) throws UsageException {
        boolean httpLoopback = options.has("--allow-http-loopback");
        int timeoutMillis =
                options.intValue("--timeout-ms", (int) SandboxConfig.DEFAULT_DEADLINE.toMillis(), 1, 600_000);
        FetchPolicy.Builder policy =
                FetchPolicy.builder().plainHttpOnLoopback(httpLoopback).cache(new FetchCache());
        if (timeoutMillis < FetchPolicy.DEFAULT_TOTAL_TIMEOUT.toMillis()) {
            policy.totalTimeout(Duration.ofMillis(timeoutMillis));
        }
        boolean loopback = httpLoopback;
        boolean privateAddresses = false;
        for (String entry : options.all("--resolve")) {
            try {
                policy.resolve(entry);
                InetAddress address = InetAddress.getByName(addressPart(entry));
                loopback |= address.isLoopbackAddress();
                privateAddresses |= address.isSiteLocalAddress() || isUniqueLocal(address);
            } catch (IllegalArgumentException | IOException e) {
                throw new UsageException("--resolve must be HOST:PORT:ADDRESS: " + entry);
            }
        }
        policy.addressPolicy(new AddressPolicy(loopback, privateAddresses, false));
        String caFile = options.optional("--ca-file");
        if (caFile != null) {
            policy.trustStore(trustStore(caFile));
        }
        SandboxConfig config = SandboxConfig.defaults()
                .withDeadline(Duration.ofMillis(timeoutMillis))
                .withHttpLoopback(httpLoopback)
                .withBearerTokens(bearerTokens);
        return new IdpSandbox(new DefaultFetcher(policy.build()), config);
    }

    /** The origin the IdP's realm will have if the script is not redirected. */
    static String originOf(IdpProxyAddress idp, boolean httpLoopback) throws IdentityException {
        URI uri = idp.scriptUri(httpLoopback);
        return uri.getScheme() + "://"
                + uri.getRawAuthority().replaceFirst(uri.getScheme().equals("https") ? ":443$" : ":80$", "");
    }

    private static String addressPart(String entry) {
        int second = entry.indexOf(':', entry.indexOf(':') + 1);
        String address = entry.substring(second + 1);
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    /** A trust store holding every certificate of a PEM file. */
    private static KeyStore trustStore(String file) throws UsageException {
        try {
            return PemTrustStore.load(Path.of(file));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--ca-file: " + e.getMessage());
        }
    }
}
