package org.callsign.idp.discovery;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The discovery document (OpenID Connect Discovery 1.0 §3), limited to what this IdP has: its issuer and keys. It
 * is not an OAuth 2.0 authorization server, so it names no authorization or token endpoint and supports no
 * response type; the fields that the specification marks REQUIRED are present with those honest values.
 *
 * @param issuer the issuer URL, {@code iss} of every assertion
 * @param jwksUri the JWK Set with the keys that verify assertions
 * @param responseTypesSupported empty: there is no authorization endpoint
 * @param subjectTypesSupported {@code public}: the subject is {@code user@domain} for every relying party
 * @param idTokenSigningAlgValuesSupported the algorithms of the published keys
 */
public record ProviderMetadata(
        @JsonProperty("issuer") String issuer,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonProperty("subject_types_supported") List<String> subjectTypesSupported,
        @JsonProperty("id_token_signing_alg_values_supported") List<String> idTokenSigningAlgValuesSupported) {}
