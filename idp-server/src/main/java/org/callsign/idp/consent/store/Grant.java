package org.callsign.idp.consent.store;

import java.time.Instant;
import java.util.Set;

/**
 * Consent for one relying origin.
 *
 * @param granted when the user granted it (or last changed it)
 * @param claims the profile claims disclosed to the origin
 */
public record Grant(Instant granted, Set<Claim> claims) {}
