package org.callsign.signaling.connect.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /connect}, webexec's {@code ConnectRequest} and one field more.
 *
 * @param fingerprint the caller's certificate fingerprint; when given, it must be the offer's
 * @param apiVersion {@code api_version}: webexec's 0, or missing
 * @param offer base64 of the JSON session description of the offer
 * @param target the device to call; missing: the one verified online device that can answer (not in webexec)
 */
public record ConnectRequest(
        String fingerprint, @JsonProperty("api_version") Integer apiVersion, String offer, String target) {}
