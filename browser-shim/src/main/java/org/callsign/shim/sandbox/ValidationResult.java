package org.callsign.shim.sandbox;

/**
 * What an IdP's {@code validateAssertion} resolved with (W3C {@code RTCIdentityValidationResult}).
 *
 * @param identity the asserted identity, {@code user@domain}
 * @param contents the exact {@code contents} string the assertion was generated over
 */
public record ValidationResult(String identity, String contents) {}
