package org.callsign.wellknown.webfinger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One link of a JRD (RFC 7033 §4.4.4): a relation type and a target.
 *
 * @param rel link relation type, a registered name or a URI (required)
 * @param type media type of the target, or {@code null}
 * @param href target URI, or {@code null}
 * @param titles titles by language tag ({@code "und"} when unknown)
 * @param properties extra properties; values may be {@code null}
 * @param template a URI template instead of {@code href} (as in RFC 6415 host-meta), or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JrdLink(
        String rel,
        String type,
        String href,
        Map<String, String> titles,
        Map<String, String> properties,
        String template) {

    public JrdLink {
        titles = titles == null ? Map.of() : Map.copyOf(titles);
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A link with only a relation and a target. */
    public static JrdLink of(String rel, String href) {
        return new JrdLink(rel, null, href, null, null, null);
    }
}
