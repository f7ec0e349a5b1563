package org.callsign.idp.consent.rest;

import java.time.Instant;
import java.util.List;

/**
 * A user's consents as the API shows them.
 *
 * @param anyOrigin whether every origin may receive assertions
 * @param anyOriginClaims claims disclosed to origins without their own grant, when {@code anyOrigin}
 * @param origins the granted origins, in order
 */
public record ConsentView(boolean anyOrigin, List<String> anyOriginClaims, List<OriginGrant> origins) {

    /**
     * One granted origin.
     *
     * @param origin the serialised origin
     * @param claims the disclosed claims
     * @param granted when it was granted
     */
    public record OriginGrant(String origin, List<String> claims, Instant granted) {}
}
