package org.callsign.wellknown.fetch;

import java.util.List;
import java.util.Map;

/**
 * The status line and headers of an HTTP/1.x response.
 *
 * @param status the three-digit status code
 * @param headers header values by lower-case name, in the order received
 */
record ResponseHead(int status, Map<String, List<String>> headers) {

    String first(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean isRedirect() {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** RFC 9112 §6.3: responses to GET with these statuses never carry a body. */
    boolean hasBody() {
        return status >= 200 && status != 204 && status != 304;
    }
}
