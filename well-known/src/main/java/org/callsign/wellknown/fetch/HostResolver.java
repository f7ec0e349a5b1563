package org.callsign.wellknown.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a host and port into the socket addresses to try, in order. The fetcher checks every address
 * against its {@link AddressPolicy} before connecting, whatever resolver produced it.
 */
@FunctionalInterface
public interface HostResolver {
    /** The operating system's resolver ({@link InetAddress#getAllByName}). */
    HostResolver SYSTEM = (host, port) -> {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (InetAddress address : InetAddress.getAllByName(host)) {
            addresses.add(new InetSocketAddress(address, port));
        }
        return addresses;
    };

    /**
     * @param host a lower-case host name or IP literal (IPv6 without brackets)
     * @param port the port from the URI, or the scheme's default
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException;
}
