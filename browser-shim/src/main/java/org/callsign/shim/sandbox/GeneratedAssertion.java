package org.callsign.shim.sandbox;

/**
 * What an IdP's {@code generateAssertion} resolved with (W3C {@code RTCIdentityAssertionResult}).
 *
 * @param domain the IdP domain to name in {@code a=identity}
 * @param protocol the IdP protocol to name in {@code a=identity}
 * @param assertion the opaque assertion
 */
public record GeneratedAssertion(String domain, String protocol, String assertion) {}
