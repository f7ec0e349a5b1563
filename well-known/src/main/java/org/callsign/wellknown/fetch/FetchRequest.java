package org.callsign.wellknown.fetch;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One request: method, URI, extra headers and body, the media types the caller accepts (sent as
 * {@code Accept} and checked on 2xx responses), an optional body limit tighter than the policy's, whether
 * the cache may answer, and whether non-2xx responses are returned rather than thrown.
 *
 * <p>Only {@code GET} follows redirects and uses the cache; other methods return a 3xx as their response
 * (with {@link #anyStatus()}) or fail. Headers that frame the message or name the connection cannot be set.
 *
 * @param method {@code GET}, {@code POST}, {@code PUT}, {@code DELETE}, {@code PATCH} or {@code HEAD}
 * @param uri absolute {@code https} (or, where enabled, {@code http}) URI
 * @param headers extra request headers, names as given
 * @param body request body (empty for none)
 * @param accept lower-case media type essences; empty accepts any
 * @param maxBytes body limit for this request, or {@code -1} for the policy's
 * @param useCache whether a cached response may be used or revalidated
 * @param acceptAnyStatus return responses of any status instead of failing with {@link FetchFailure#HTTP_STATUS}
 */
public record FetchRequest(
        String method,
        URI uri,
        Map<String, String> headers,
        byte[] body,
        List<String> accept,
        long maxBytes,
        boolean useCache,
        boolean acceptAnyStatus) {

    /** Methods this client sends. */
    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH");

    /** Headers the fetcher writes itself or that would let a caller smuggle a second request. */
    public static final Set<String> FORBIDDEN_HEADERS = Set.of(
            "host",
            "connection",
            "content-length",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "keep-alive",
            "proxy-connection",
            "expect",
            "accept-encoding",
            "if-none-match",
            "if-modified-since");

    public FetchRequest {
        if (uri == null || method == null || !METHODS.contains(method)) {
            throw new IllegalArgumentException("a method of " + METHODS + " and a uri are required");
        }
        headers = Map.copyOf(headers);
        for (Map.Entry<String, String> header : headers.entrySet()) {
            checkHeader(header.getKey(), header.getValue());
        }
        body = body.clone();
        accept = accept.stream().map(type -> type.toLowerCase(Locale.ROOT)).toList();
        if (maxBytes < -1 || maxBytes == 0) {
            throw new IllegalArgumentException("maxBytes must be positive or -1: " + maxBytes);
        }
    }

    /** A cacheable GET that accepts any media type and uses the policy's size limit. */
    public static FetchRequest get(URI uri) {
        return new FetchRequest("GET", uri, Map.of(), new byte[0], List.of(), -1, true, false);
    }

    /** A request with a body; never cached, never redirected. */
    public static FetchRequest of(String method, URI uri, byte[] body) {
        return new FetchRequest(method, uri, Map.of(), body, List.of(), -1, false, false);
    }

    /** This request, accepting only the given media types (for example {@code application/jrd+json}). */
    public FetchRequest accept(String... mediaTypes) {
        return new FetchRequest(method, uri, headers, body, List.of(mediaTypes), maxBytes, useCache, acceptAnyStatus);
    }

    /** This request, with a body limit; the smaller of this and the policy's limit applies. */
    public FetchRequest maxBytes(long limit) {
        return new FetchRequest(method, uri, headers, body, accept, limit, useCache, acceptAnyStatus);
    }

    /** This request, bypassing the cache (neither read nor written). */
    public FetchRequest noCache() {
        return new FetchRequest(method, uri, headers, body, accept, maxBytes, false, acceptAnyStatus);
    }

    /** This request, returning responses of any status (their bodies still capped). */
    public FetchRequest anyStatus() {
        return new FetchRequest(method, uri, headers, body, accept, maxBytes, useCache, true);
    }

    /** This request with one more header. */
    public FetchRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new FetchRequest(method, uri, more, body, accept, maxBytes, useCache, acceptAnyStatus);
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The {@code Accept} header value: one set with {@link #header}, else the accepted types, else any. */
    String acceptHeader() {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("accept")) {
                return header.getValue();
            }
        }
        return accept.isEmpty() ? "*/*" : String.join(", ", accept);
    }

    boolean isGet() {
        return method.equals("GET");
    }

    private static void checkHeader(String name, String value) {
        if (name == null || name.isEmpty() || !name.chars().allMatch(FetchRequest::isTokenChar)) {
            throw new IllegalArgumentException("invalid header name: " + name);
        }
        if (FORBIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header cannot be set: " + name);
        }
        if (value == null || value.chars().anyMatch(c -> (c < ' ' && c != '\t') || c == 0x7f || c > 0xff)) {
            throw new IllegalArgumentException("invalid value for header " + name);
        }
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
