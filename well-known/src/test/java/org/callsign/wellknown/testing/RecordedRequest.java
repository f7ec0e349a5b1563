package org.callsign.wellknown.testing;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A request as {@link TestHttpsServer} received it, kept so a test can check what the client sent.
 *
 * @param method the request method, as sent
 * @param target the raw request-target, query included
 * @param path the target's path, without the query
 * @param query the raw query after {@code ?}, or {@code null} if there is none
 * @param headers header fields with lower-cased names; when a name repeats, the last value wins
 * @param body the request body (empty when none was sent)
 * @param sequence this request's position among all requests the server received, counting from 0
 * @param connection the connection it came on: the server numbers connections from 1 as it accepts them
 */
public record RecordedRequest(
        String method,
        String target,
        String path,
        String query,
        Map<String, String> headers,
        byte[] body,
        int sequence,
        int connection) {

    public RecordedRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The value of this header (name matched case-insensitively), or {@code null} if it was not sent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
