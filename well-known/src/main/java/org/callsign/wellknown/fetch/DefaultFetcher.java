package org.callsign.wellknown.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.callsign.wellknown.Authority;
import org.callsign.wellknown.UriRuleException;

/**
 * The hardened fetcher: HTTP/1.1 requests over a connection it opens itself, so that it decides which address
 * is connected to ({@link AddressPolicy}, name-resolution overrides), how long each step may take, and how
 * many bytes it will read. Redirects are followed only from https to https, up to the policy's limit, and
 * the final URI is reported (RFC 8827 §7.5 gives the IdP proxy the final URL's origin). With a
 * {@link FetchCache}, fresh GET responses are reused and stale ones revalidated (RFC 9111). Requests with
 * other methods are never cached and never redirected.
 *
 * <p>Connections persist (RFC 9112 §9.3) when the policy allows idle ones: a later GET or HEAD to the same
 * scheme, host and port reuses one (see {@link ConnectionPool}), and is repeated once on a new connection if
 * the reused one turns out closed before any response byte. No cookies, no authentication, no content coding
 * ({@code Accept-Encoding: identity}). Name resolution itself cannot be interrupted by the JDK, so the
 * total timeout starts before it but can be exceeded by a slow resolver.
 */
public final class DefaultFetcher implements Fetcher {
    private final FetchPolicy policy;
    private final Connector connector;
    private final ConnectionPool pool;

    public DefaultFetcher(FetchPolicy policy) {
        this.policy = policy;
        this.connector = new Connector(policy);
        this.pool = new ConnectionPool(
                policy.maxIdleConnections(), policy.keepAlive().toNanos());
    }

    public FetchPolicy policy() {
        return policy;
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws FetchException {
        long deadline = System.nanoTime() + policy.totalTimeout().toNanos();
        URI requested = checkTarget(request.uri(), null);
        long maxBytes =
                request.maxBytes() > 0 ? Math.min(request.maxBytes(), policy.maxBodyBytes()) : policy.maxBodyBytes();
        FetchCache cache = request.useCache() && request.isGet() ? policy.cache() : null;
        String key = requested + "\n" + request.acceptHeader();
        FetchCache.Entry cached = cache == null ? null : cache.get(key);
        if (cached != null && cached.isFresh(cache.now())) {
            return cached.result().withCacheStatus(CacheStatus.HIT, requested);
        }
        if (cached != null && !cached.canRevalidate()) {
            cached = null;
        }
        List<URI> redirects = new ArrayList<>();
        URI current = requested;
        while (true) {
            Map<String, String> conditional =
                    cached != null && current.equals(cached.result().finalUri()) ? cached.validators() : Map.of();
            Response response = exchange(current, request, conditional, deadline, maxBytes);
            ResponseHead head = response.head();
            if (head.isRedirect() && request.isGet()) {
                if (redirects.size() >= policy.maxRedirects()) {
                    throw new FetchException(
                            FetchFailure.TOO_MANY_REDIRECTS,
                            current,
                            "more than " + policy.maxRedirects() + " redirects");
                }
                current = redirectTarget(current, head);
                redirects.add(current);
                continue;
            }
            if (head.status() == 304 && !conditional.isEmpty()) {
                cache.refresh(key, cached, head.headers());
                return cached.result().withCacheStatus(CacheStatus.REVALIDATED, requested);
            }
            boolean success = head.status() >= 200 && head.status() <= 299;
            if (!success && !request.acceptAnyStatus()) {
                throw new FetchException(
                        FetchFailure.HTTP_STATUS, current, head.status(), "server answered " + head.status(), null);
            }
            MediaType mediaType = success
                    ? checkMediaType(current, head, request.accept())
                    : MediaType.parse(head.first("content-type")).orElse(null);
            FetchResult result = new FetchResult(
                    requested,
                    current,
                    head.status(),
                    mediaType,
                    head.headers(),
                    response.body(),
                    redirects,
                    CacheStatus.MISS);
            if (cache != null) {
                cache.store(key, result);
            }
            return result;
        }
    }

    private record Response(ResponseHead head, byte[] body) {}

    private Response exchange(
            URI uri, FetchRequest request, Map<String, String> conditional, long deadline, long maxBytes)
            throws FetchException {
        boolean tls = uri.getScheme().equals("https");
        Authority authority = authority(uri);
        int port = authority.portOr(tls ? 443 : 80);
        ConnectionPool.Key key = new ConnectionPool.Key(tls, authority.host(), port);
        // Only a request that may be sent twice goes over a pooled connection: the server may have closed it
        // meanwhile, and then the request is repeated on a new one (RFC 9110 §9.2.2, RFC 9112 §9.3.1).
        boolean idempotent = request.isGet() || request.method().equals("HEAD");
        Socket pooled = idempotent ? pool.take(key) : null;
        if (pooled != null) {
            try {
                return exchange(pooled, true, key, uri, authority, request, conditional, deadline, maxBytes);
            } catch (StaleConnectionException e) {
                // Closed by the server while idle: nothing was received, so a new connection may try again.
            }
        }
        Socket socket = connector.open(uri, authority, port, tls, deadline);
        try {
            return exchange(socket, false, key, uri, authority, request, conditional, deadline, maxBytes);
        } catch (StaleConnectionException e) {
            throw new IllegalStateException("only a reused connection is stale", e);
        }
    }

    /** A reused connection failed before the server sent a byte. */
    private static final class StaleConnectionException extends Exception {
        private static final long serialVersionUID = 1L;

        StaleConnectionException() {
            super(null, null, false, false);
        }
    }

    private Response exchange(
            Socket socket,
            boolean reused,
            ConnectionPool.Key key,
            URI uri,
            Authority authority,
            FetchRequest request,
            Map<String, String> conditional,
            long deadline,
            long maxBytes)
            throws FetchException, StaleConnectionException {
        DeadlineInputStream counted = null;
        boolean keep = false;
        try {
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(uri, authority, request, conditional).getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.body());
            out.flush();
            counted = new DeadlineInputStream(
                    socket, socket.getInputStream(), policy.readTimeout().toMillis(), deadline);
            InputStream in = new BufferedInputStream(counted);
            HttpResponseReader reader = new HttpResponseReader(in, policy.maxHeaderBytes());
            ResponseHead head = reader.readHead();
            boolean wantBody = !request.method().equals("HEAD")
                    && (request.acceptAnyStatus()
                            ? !(head.isRedirect() && request.isGet())
                            : head.status() >= 200 && head.status() <= 299);
            byte[] body = wantBody ? reader.readBody(head, maxBytes) : new byte[0];
            keep = wantBody && policy.maxIdleConnections() > 0 && reader.reusable(head);
            return new Response(head, body);
        } catch (SocketTimeoutException e) {
            boolean total = e instanceof DeadlineInputStream.DeadlineExceededException;
            throw new FetchException(
                    total ? FetchFailure.TOTAL_TIMEOUT : FetchFailure.READ_TIMEOUT,
                    uri,
                    total
                            ? "exceeded the total timeout of "
                                    + policy.totalTimeout().toMillis() + " ms"
                            : "no data for " + policy.readTimeout().toMillis() + " ms",
                    e);
        } catch (HttpProtocolException e) {
            staleIfNothingReceived(reused, counted);
            throw new FetchException(e.failure(), uri, e.getMessage(), e);
        } catch (SSLException e) {
            staleIfNothingReceived(reused, counted);
            throw new FetchException(FetchFailure.TLS_FAILURE, uri, "TLS error: " + e.getMessage(), e);
        } catch (IOException e) {
            staleIfNothingReceived(reused, counted);
            throw new FetchException(FetchFailure.IO_ERROR, uri, "I/O error: " + e.getMessage(), e);
        } finally {
            if (keep) {
                pool.offer(key, socket);
            } else {
                Connector.closeQuietly(socket);
            }
        }
    }

    private static void staleIfNothingReceived(boolean reused, DeadlineInputStream in) throws StaleConnectionException {
        if (reused && (in == null || in.bytesRead() == 0)) {
            throw new StaleConnectionException();
        }
    }

    /** Closes the idle connections kept for reuse; the fetcher stays usable. */
    public void closeIdleConnections() {
        pool.closeAll();
    }

    private String requestHead(URI uri, Authority authority, FetchRequest request, Map<String, String> conditional) {
        boolean defaultPort =
                authority.port() == -1 || authority.port() == (uri.getScheme().equals("https") ? 443 : 80);
        StringBuilder head = new StringBuilder(256)
                .append(request.method())
                .append(' ')
                .append(rawPathAndQuery(uri))
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(defaultPort ? authority.uriHost() : authority.toString())
                .append("\r\n")
                .append("User-Agent: ")
                .append(policy.userAgent())
                .append("\r\n")
                .append("Accept: ")
                .append(request.acceptHeader())
                .append("\r\n")
                .append("Accept-Encoding: identity\r\n");
        if (policy.maxIdleConnections() == 0) {
            head.append("Connection: close\r\n");
        }
        request.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("accept")) { // written above, once
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        conditional.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] body = request.body();
        if (body.length > 0 || !(request.isGet() || request.method().equals("HEAD"))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** Checks an initial or redirect target; {@code from} is the URI that redirected, or {@code null}. */
    private URI checkTarget(URI uri, URI from) throws FetchException {
        FetchFailure invalid = from == null ? FetchFailure.INVALID_URI : FetchFailure.BAD_REDIRECT;
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new FetchException(invalid, uri, "not an absolute hierarchical URI");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (from != null && from.getScheme().equals("https") && !scheme.equals("https")) {
            throw new FetchException(
                    FetchFailure.REDIRECT_DOWNGRADE, from, "redirect from https to " + scheme + " refused: " + uri);
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && policy.plainHttpOnLoopback())) {
            throw new FetchException(FetchFailure.INSECURE_SCHEME, uri, "only https is allowed");
        }
        authority(uri);
        try {
            // Drop the fragment: it is never sent, and it must not make two cache keys of one resource.
            return new URI(scheme, uri.getRawAuthority(), null, null, null).resolve(rawPathAndQuery(uri));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(invalid, uri, "unusable URI: " + e.getMessage(), e);
        }
    }

    private static String rawPathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static Authority authority(URI uri) throws FetchException {
        try {
            return Authority.parse(uri.getRawAuthority());
        } catch (UriRuleException e) {
            throw new FetchException(FetchFailure.INVALID_URI, uri, e.getMessage(), e);
        }
    }

    private URI redirectTarget(URI current, ResponseHead head) throws FetchException {
        String location = head.first("location");
        if (location == null || location.isBlank()) {
            throw new FetchException(
                    FetchFailure.BAD_REDIRECT, current, "redirect " + head.status() + " without a Location header");
        }
        URI next;
        try {
            next = current.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchFailure.BAD_REDIRECT, current, "unparseable Location header", e);
        }
        return checkTarget(next, current);
    }

    private static MediaType checkMediaType(URI uri, ResponseHead head, List<String> accepted) throws FetchException {
        String header = head.first("content-type");
        Optional<MediaType> mediaType = MediaType.parse(header);
        if (accepted.isEmpty()) {
            return mediaType.orElse(null);
        }
        if (mediaType.isEmpty() || !accepted.contains(mediaType.get().essence())) {
            throw new FetchException(
                    FetchFailure.BAD_CONTENT_TYPE,
                    uri,
                    "content type " + (header == null ? "missing" : "'" + header + "'") + ", expected one of "
                            + accepted);
        }
        return mediaType.get();
    }
}
