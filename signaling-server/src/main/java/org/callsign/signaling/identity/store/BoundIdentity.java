package org.callsign.signaling.identity.store;

import java.time.Instant;

/**
 * An identity ({@code user@domain}) that a client proved with an assertion of its IdP (docs/federation.md): calls to
 * the identity are delivered to the client's devices.
 *
 * @param identity the identity, normalised as {@code DomainRule} does
 * @param clientId the client it names
 * @param clientUid the registration of that client (a later client of the same id is not bound)
 * @param idpDomain the IdP that vouched for it
 * @param idpProtocol the IdP proxy protocol used
 * @param bound when it was proved
 */
public record BoundIdentity(
        String identity, String clientId, String clientUid, String idpDomain, String idpProtocol, Instant bound) {}
