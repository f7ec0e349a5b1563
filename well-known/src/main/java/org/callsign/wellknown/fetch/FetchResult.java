package org.callsign.wellknown.fetch;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A successful fetch. {@link #finalUri()} is the URI that produced the body after any redirects: RFC 8827
 * §7.5 makes the IdP proxy's origin that of the final URL, not of the one first requested.
 *
 * @param requestedUri the URI first asked for
 * @param finalUri the URI of the response that produced the body
 * @param status the 2xx status of that response (the original one for a cache hit or revalidation)
 * @param mediaType the response's media type, or {@code null} when it sent none
 * @param headers response headers, names in lower case
 * @param redirects URIs redirected to, in order (the last equals {@code finalUri})
 * @param cacheStatus whether the cache answered
 */
public record FetchResult(
        URI requestedUri,
        URI finalUri,
        int status,
        MediaType mediaType,
        Map<String, List<String>> headers,
        byte[] body,
        List<URI> redirects,
        CacheStatus cacheStatus) {

    public FetchResult {
        headers = Map.copyOf(headers);
        redirects = List.copyOf(redirects);
        body = body.clone();
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body's length in bytes. */
    public int size() {
        return body.length;
    }

    /** The body decoded with the declared charset, or UTF-8. */
    public String text() {
        return new String(body, mediaType == null ? StandardCharsets.UTF_8 : mediaType.charsetOrUtf8());
    }

    /** The first value of a header (name in any case), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    FetchResult withCacheStatus(CacheStatus status, URI requested) {
        return new FetchResult(requested, finalUri, this.status, mediaType, headers, body, redirects, status);
    }
}
