package org.callsign.wellknown.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.callsign.wellknown.Authority;

/**
 * Opens the connection for one request: resolves the host, keeps only addresses the policy allows (and
 * only loopback for plain HTTP), connects to the first that answers, and for HTTPS completes a TLS
 * handshake that checks the certificate against the URI's host name, not the address.
 */
final class Connector {
    private static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final FetchPolicy policy;

    Connector(FetchPolicy policy) {
        this.policy = policy;
    }

    Socket open(URI uri, Authority authority, int port, boolean tls, long deadlineNanos) throws FetchException {
        List<InetSocketAddress> allowed = allowedAddresses(uri, authority.host(), port, tls);
        FetchException last = null;
        for (InetSocketAddress address : allowed) {
            Socket socket = new Socket();
            setNoDelay(socket);
            try {
                long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
                if (remaining <= 0) {
                    throw new FetchException(FetchFailure.TOTAL_TIMEOUT, uri, "no time left to connect");
                }
                socket.connect(address, (int) Math.min(policy.connectTimeout().toMillis(), remaining));
                return tls ? handshake(uri, socket, authority, port, deadlineNanos) : socket;
            } catch (SocketTimeoutException e) {
                closeQuietly(socket);
                last = new FetchException(FetchFailure.CONNECT_TIMEOUT, uri, "no connection to " + address, e);
            } catch (ConnectException e) {
                closeQuietly(socket);
                last = new FetchException(FetchFailure.CONNECT_FAILED, uri, "connection to " + address + " refused", e);
            } catch (IOException e) {
                closeQuietly(socket);
                last = new FetchException(FetchFailure.CONNECT_FAILED, uri, "cannot connect to " + address, e);
            } catch (FetchException e) {
                closeQuietly(socket);
                throw e;
            }
        }
        throw last;
    }

    private List<InetSocketAddress> allowedAddresses(URI uri, String host, int port, boolean tls)
            throws FetchException {
        List<InetSocketAddress> resolved;
        try {
            resolved = policy.resolver().resolve(host, port);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchFailure.UNKNOWN_HOST, uri, "host does not resolve: " + host, e);
        }
        if (resolved.isEmpty()) {
            throw new FetchException(FetchFailure.UNKNOWN_HOST, uri, "host does not resolve: " + host);
        }
        List<InetSocketAddress> allowed = new ArrayList<>();
        String refused = null;
        for (InetSocketAddress address : resolved) {
            if (address.isUnresolved()) {
                continue;
            }
            Optional<String> refusal = tls
                    ? policy.addressPolicy().refusal(address.getAddress())
                    : address.getAddress().isLoopbackAddress() ? Optional.empty() : Optional.of("not loopback");
            if (refusal.isEmpty()) {
                allowed.add(address);
            } else if (refused == null) {
                refused = address.getAddress().getHostAddress() + " is " + refusal.get();
            }
        }
        if (allowed.isEmpty()) {
            if (!tls) {
                throw new FetchException(
                        FetchFailure.INSECURE_SCHEME, uri, "plain http is allowed to loopback only; " + refused);
            }
            throw new FetchException(FetchFailure.BLOCKED_ADDRESS, uri, "address refused: " + refused);
        }
        return allowed;
    }

    private Socket handshake(URI uri, Socket plain, Authority authority, int port, long deadlineNanos)
            throws IOException, FetchException {
        SSLSocket socket =
                (SSLSocket) policy.sslContext().getSocketFactory().createSocket(plain, authority.host(), port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(TLS_PROTOCOLS);
        if (!authority.isIpLiteral()) {
            parameters.setServerNames(List.of(new SNIHostName(authority.host())));
        }
        socket.setSSLParameters(parameters);
        try {
            DeadlineInputStream.withTimeout(socket, policy.readTimeout().toMillis(), deadlineNanos, () -> {
                socket.startHandshake();
                return null;
            });
            return socket;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            boolean total = e instanceof DeadlineInputStream.DeadlineExceededException;
            throw new FetchException(
                    total ? FetchFailure.TOTAL_TIMEOUT : FetchFailure.READ_TIMEOUT, uri, "TLS handshake timed out", e);
        } catch (SSLException e) {
            closeQuietly(socket);
            throw new FetchException(FetchFailure.TLS_FAILURE, uri, "TLS handshake failed: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Requests go out in one write; Nagle's algorithm would hold the TLS records back by tens of ms. */
    private static void setNoDelay(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (IOException ignored) {
            // An option the platform refuses only costs latency.
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do with a socket we are abandoning
        }
    }
}
