package org.callsign.signaling.token.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A token response, named as OAuth 2.0 names one (RFC 6749 §5.1).
 *
 * @param accessToken the bearer token
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until it expires
 * @param clientId the client it authenticates
 */
public record TokenView(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("clientID") String clientId) {

    /** Never the token. */
    @Override
    public String toString() {
        return "TokenView[" + clientId + ", expires in " + expiresIn + " s]";
    }
}
