package org.callsign.benchmarks.calls;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;

/**
 * Sets people up through the services' public APIs, as they would do it themselves (docs/federation.md):
 *
 * <ol>
 *   <li>at their IdP: an account ({@code POST /api/accounts}), a bearer token ({@code POST /api/tokens}), their
 *       signaling server in the profile ({@code PUT /api/account/profile}, which WebFinger publishes), and consent
 *       for both signaling origins ({@code POST /api/consents}): an assertion is for the server that checks it first;
 *   <li>at their signaling server: a client ({@code POST /api/clients}, the first of the server from loopback, so its
 *       owner), a bearer token ({@code POST /api/tokens}, Basic) and one verified device with a random fingerprint;
 *   <li>the identity bound to the client: an assertion of their IdP, through its proxy in a sandbox, over the
 *       {@code contents} of the server's challenge for the server's origin ({@code POST /api/identity/challenge},
 *       {@code PUT /api/identity}).
 * </ol>
 */
final class People {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CallDomains domains;

    People(CallDomains domains) {
        this.domains = domains;
    }

    /** Sets up {@code username} at {@code domain}; their device sends the SDP resource {@code sdpResource}. */
    Person create(Domain domain, String username, String sdpResource) throws IOException, IdentityException {
        Api idp = new Api(domains.http(), domains.idp(domain).base());
        Api signaling = new Api(domains.http(), domains.signaling(domain).base());

        Map<String, String> login = Map.of("username", username, "password", random(18));
        String identity =
                idp.post("/api/accounts", null, login, 201).path("identity").asText();
        String idpToken =
                idp.post("/api/tokens", null, login, 200).path("access_token").asText();
        idp.put("/api/account/profile", Api.bearer(idpToken), Map.of("signalingServer", domain.signalingOrigin()), 200);
        for (Domain relying : Domain.values()) {
            idp.post("/api/consents", Api.bearer(idpToken), Map.of("origin", relying.signalingOrigin()), 200);
        }

        String key = random(32);
        signaling.post("/api/clients", null, Map.of("clientID", username, "authKey", key), 201);
        String token = signaling
                .post("/api/tokens", Api.basic(username, key), null, 200)
                .path("access_token")
                .asText();
        String fingerprint = HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes(32));
        String deviceId = signaling
                .post(
                        "/api/devices",
                        Api.bearer(token),
                        Map.of(
                                "name",
                                username + "'s device",
                                "kind",
                                "browser",
                                "fingerprint",
                                "sha-256 " + fingerprint,
                                "verified",
                                true),
                        201)
                .path("id")
                .asText();
        Person person =
                new Person(domain, identity, idpToken, token, deviceId, sdp(sdpResource, "sha-256 " + fingerprint));
        bind(person, signaling);
        return person;
    }

    private void bind(Person person, Api signaling) throws IOException, IdentityException {
        JsonNode challenge = signaling.post("/api/identity/challenge", Api.bearer(person.signalingToken()), null, 200);
        String contents = challenge.path("contents").asText();
        if (contents.isEmpty()) {
            throw new IllegalStateException(
                    "the challenge of " + person.domain().signalingHost()
                            + " has no contents for the IdP to sign (docs/federation.md): " + challenge);
        }
        String idpHost = person.domain().idpHost();
        try (IdpSandbox own = new IdpSandbox(
                domains.newFetcher(),
                SandboxConfig.defaults().withBearerTokens(Map.of(person.domain().idpOrigin(), person.idpToken())))) {
            String assertion;
            try {
                assertion = own.generateAssertion(
                                IdpProxyAddress.of(idpHost, IdpProxyAddress.DEFAULT_PROTOCOL),
                                contents,
                                challenge.path("origin").asText(),
                                new GenerateOptions(IdpProxyAddress.DEFAULT_PROTOCOL, null, null))
                        .assertion();
            } catch (IdentityException e) {
                throw new IllegalStateException(
                        "cannot bind " + person.identity() + ": " + e.getMessage() + " (IdP status "
                                + e.httpRequestStatusCode() + ", " + e.idpErrorInfo() + ")",
                        e);
            }
            signaling.put(
                    "/api/identity",
                    Api.bearer(person.signalingToken()),
                    Map.of(
                            "idp",
                            Map.of("domain", idpHost, "protocol", IdpProxyAddress.DEFAULT_PROTOCOL),
                            "assertion",
                            assertion),
                    200);
        }
    }

    /** The SDP resource with CRLF line ends and {@code fingerprint} in its {@code a=fingerprint}. */
    static String sdp(String resource, String fingerprint) throws IOException {
        try (InputStream in = People.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\r\n", "\n")
                    .replace("\n", "\r\n")
                    .replaceAll("(?m)^a=fingerprint:.*$", "a=fingerprint:" + fingerprint);
        }
    }

    private static String random(int count) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(count));
    }

    private static byte[] bytes(int count) {
        byte[] value = new byte[count];
        RANDOM.nextBytes(value);
        return value;
    }
}
