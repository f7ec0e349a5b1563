package org.callsign.idp.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client IP that rate limits key on: the connection's peer address. Behind a reverse proxy, enable Quarkus'
 * {@code quarkus.http.proxy.proxy-address-forwarding} (and trust only that proxy) so that this is the real client.
 */
public final class ClientAddress {

    private ClientAddress() {}

    /** The client IP, or {@code "unknown"} if the connection has none (all such clients share one limit). */
    public static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        if (address == null || address.hostAddress() == null) {
            return "unknown";
        }
        return address.hostAddress();
    }
}
