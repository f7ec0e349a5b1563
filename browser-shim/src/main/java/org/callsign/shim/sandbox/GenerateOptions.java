package org.callsign.shim.sandbox;

/**
 * The options passed to {@code generateAssertion} (W3C {@code RTCIdentityProviderOptions}).
 *
 * @param protocol the IdP protocol
 * @param usernameHint the user the IdP should assert, or {@code null}
 * @param peerIdentity the identity of the intended peer, or {@code null}
 */
public record GenerateOptions(String protocol, String usernameHint, String peerIdentity) {}
