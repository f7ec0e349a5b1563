package org.callsign.signaling.api;

import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The client IP that rate limits key on: the connection's peer address. Behind a reverse proxy, enable Quarkus'
 * {@code quarkus.http.proxy.proxy-address-forwarding} (and trust only that proxy) so that this is the real client.
 */
public record ClientAddress(String ip) {

    /** The key shared by connections without an address. */
    public static final String UNKNOWN = "unknown";

    /** The address of a connection's peer. */
    public static ClientAddress of(SocketAddress peer) {
        return new ClientAddress(peer == null || peer.hostAddress() == null ? UNKNOWN : peer.hostAddress());
    }

    /** Whether the client is on this machine ({@code 127.0.0.0/8} or {@code ::1}). */
    public boolean isLoopback() {
        return inetAddress().map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** The address, if it is an IP literal ({@link #UNKNOWN} is not); never a name lookup. */
    public Optional<InetAddress> inetAddress() {
        if (ip.indexOf(':') < 0 && !ip.matches("[0-9.]+")) {
            return Optional.empty();
        }
        try {
            // A literal address (checked above): no name lookup happens.
            return Optional.of(InetAddress.getByName(ip));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
