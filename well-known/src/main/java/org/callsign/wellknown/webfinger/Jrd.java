package org.callsign.wellknown.webfinger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON Resource Descriptor (RFC 7033 §4.4): what a WebFinger server says about a resource.
 *
 * @param subject the resource described, normally the {@code acct:} URI asked for
 * @param aliases other URIs of the same resource
 * @param properties properties of the subject; values may be {@code null}
 * @param links links, in the server's order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Jrd(String subject, List<String> aliases, Map<String, String> properties, List<JrdLink> links) {

    public Jrd {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The links with relation {@code rel}, in document order. */
    public List<JrdLink> links(String rel) {
        return links.stream().filter(link -> rel.equals(link.rel())).toList();
    }

    /** The first link with relation {@code rel}. */
    public Optional<JrdLink> link(String rel) {
        return links.stream().filter(link -> rel.equals(link.rel())).findFirst();
    }

    /** This descriptor with only the links whose relation is in {@code rels} (all of them when empty). */
    public Jrd onlyRels(List<String> rels) {
        if (rels.isEmpty()) {
            return this;
        }
        return new Jrd(
                subject,
                aliases,
                properties,
                links.stream().filter(l -> rels.contains(l.rel())).toList());
    }
}
