package org.callsign.benchmarks.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The benchmark's user, set up through idp-server's JSON API exactly as a non-browser client would: register
 * ({@code POST /api/accounts}), log in for a bearer token ({@code POST /api/tokens}), and allow the relying origin
 * ({@code POST /api/consents}). After that, {@code POST /api/assertions} with the token answers with an assertion.
 *
 * @param username the user part of the identity
 * @param identity {@code username@domain}, as the server reported it
 * @param token the bearer token (RFC 6750)
 */
record BenchUser(String username, String identity, String token) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Registers {@code username} with a random password, logs in and consents to {@link AssertionShape#ORIGIN}. */
    static BenchUser create(Endpoint endpoint, String username) throws IOException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String login = JSON.writeValueAsString(
                Map.of("username", username, "password", Base64.getUrlEncoder().encodeToString(random)));
        try (Http1Connection connection = new Http1Connection(endpoint)) {
            expect(201, connection.exchange(endpoint.request("POST", "/api/accounts", Map.of(), login)), "register");
            JsonNode token =
                    expect(200, connection.exchange(endpoint.request("POST", "/api/tokens", Map.of(), login)), "token");
            BenchUser user = new BenchUser(
                    username,
                    token.path("identity").asText(),
                    token.path("access_token").asText());
            String consent = JSON.writeValueAsString(Map.of("origin", AssertionShape.ORIGIN));
            expect(
                    200,
                    connection.exchange(endpoint.request("POST", "/api/consents", user.authorization(), consent)),
                    "consent");
            return user;
        }
    }

    /** The {@code Authorization} header with the token. */
    Map<String, String> authorization() {
        return Map.of("Authorization", "Bearer " + token);
    }

    /** The body of {@code POST /api/assertions}: the fingerprint contents and the relying origin. */
    static String assertionRequest() throws IOException {
        return JSON.writeValueAsString(Map.of("contents", AssertionShape.CONTENTS, "origin", AssertionShape.ORIGIN));
    }

    private static JsonNode expect(int status, Http1Connection.Response response, String step) throws IOException {
        if (response.status() != status) {
            throw new IllegalStateException("set-up step " + step + ": expected HTTP " + status + " but got "
                    + response.status() + ": " + response.text());
        }
        return JSON.readTree(response.body());
    }
}
