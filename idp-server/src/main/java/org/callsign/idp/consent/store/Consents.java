package org.callsign.idp.consent.store;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A user's consents (RFC 8827 §9.4.3): the relying origins that may receive assertions, each with its disclosed
 * claims, or any origin.
 *
 * @param anyOrigin whether every origin may receive assertions
 * @param anyOriginClaims the claims disclosed to origins without a grant of their own, when {@code anyOrigin}
 * @param origins grants per serialised origin
 */
public record Consents(boolean anyOrigin, Set<Claim> anyOriginClaims, Map<String, Grant> origins) {

    /** No consent at all. */
    public static final Consents NONE = new Consents(false, Set.of(), Map.of());

    public Consents {
        anyOriginClaims = anyOriginClaims == null ? Set.of() : Set.copyOf(anyOriginClaims);
        origins = origins == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(origins));
    }

    /** These consents with {@code origin} granted. */
    public Consents with(String origin, Grant grant) {
        Map<String, Grant> copy = new TreeMap<>(origins);
        copy.put(origin, grant);
        return new Consents(anyOrigin, anyOriginClaims, copy);
    }

    /** These consents without {@code origin}. */
    public Consents without(String origin) {
        Map<String, Grant> copy = new TreeMap<>(origins);
        copy.remove(origin);
        return new Consents(anyOrigin, anyOriginClaims, copy);
    }

    /** These consents with "any origin" set. */
    public Consents withAnyOrigin(boolean enabled, Set<Claim> claims) {
        return new Consents(enabled, enabled ? claims : Set.of(), origins);
    }
}
