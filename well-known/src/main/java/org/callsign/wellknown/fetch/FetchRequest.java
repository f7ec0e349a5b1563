package org.callsign.wellknown.fetch;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One GET request: the URI, the media types the caller accepts (sent as {@code Accept} and checked on the
 * response), an optional body limit tighter than the policy's, and whether the cache may answer.
 *
 * @param uri absolute {@code https} (or, where enabled, {@code http}) URI
 * @param accept lower-case media type essences; empty accepts any
 * @param maxBytes body limit for this request, or {@code -1} for the policy's
 * @param useCache whether a cached response may be used or revalidated
 */
public record FetchRequest(URI uri, List<String> accept, long maxBytes, boolean useCache) {

    public FetchRequest {
        if (uri == null) {
            throw new IllegalArgumentException("uri is required");
        }
        accept = accept.stream().map(type -> type.toLowerCase(Locale.ROOT)).toList();
        if (maxBytes < -1 || maxBytes == 0) {
            throw new IllegalArgumentException("maxBytes must be positive or -1: " + maxBytes);
        }
    }

    /** A cacheable GET that accepts any media type and uses the policy's size limit. */
    public static FetchRequest get(URI uri) {
        return new FetchRequest(uri, List.of(), -1, true);
    }

    /** This request, accepting only the given media types (for example {@code application/jrd+json}). */
    public FetchRequest accept(String... mediaTypes) {
        return new FetchRequest(uri, List.of(mediaTypes), maxBytes, useCache);
    }

    /** This request, with a body limit; the smaller of this and the policy's limit applies. */
    public FetchRequest maxBytes(long limit) {
        return new FetchRequest(uri, accept, limit, useCache);
    }

    /** This request, bypassing the cache (neither read nor written). */
    public FetchRequest noCache() {
        return new FetchRequest(uri, accept, maxBytes, false);
    }

    /** The {@code Accept} header value. */
    String acceptHeader() {
        return accept.isEmpty() ? "*/*" : String.join(", ", accept);
    }
}
