package org.callsign.signaling.signal.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who sent a relayed message, as the server verified it: the server writes this, never the sender. For a device of
 * this server, its id, name, kind and registered fingerprint; for a party of one-shot HTTP signaling ({@code /connect},
 * WHIP), its kind and the fingerprint its offer carried, without a device id.
 *
 * @param device the sending device's id, or {@code null} for an HTTP party
 * @param name the device's name, or {@code null}
 * @param kind the device's kind, or {@code connect} / {@code whip} for an HTTP party
 * @param fingerprint the fingerprint the sender's DTLS certificate must have: upper-case hex without colons
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sender(String device, String name, String kind, String fingerprint) {}
