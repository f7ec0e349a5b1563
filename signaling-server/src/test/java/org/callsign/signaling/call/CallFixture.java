package org.callsign.signaling.call;

import static org.callsign.signaling.TestClients.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.util.Map;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.IdentityAsserter;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.shim.testing.TestIdp;
import org.callsign.signaling.FederationProfile;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.TestIdpResource;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.testing.ScriptedResponse;

/**
 * People for call tests on the {@link FederationProfile} server: a client with one verified device, an identity of
 * {@code idp-a.test} bound to it, and a device-side IdP sandbox that asserts offers and answers as a browser would.
 * WebFinger at the test IdP names this server for every account, so calls between them stay on this server.
 */
public final class CallFixture implements AutoCloseable {

    /** The proxy protocol of the test IdP. */
    public static final String PROTOCOL = "test-idp";

    private final IdpSandbox sandbox;

    /** One person: identity, client, bearer token, and device with its SDP (a fixture under a fingerprint of its own). */
    public record Person(
            String identity, String clientId, String token, String deviceId, String fingerprint, String sdp) {

        /** Connects the person's device and waits for its greeting. */
        public SignalingClient connect() {
            return SignalingClient.connect(token, deviceId);
        }
    }

    public CallFixture() {
        TestIdp idp = TestIdpResource.idp();
        idp.server()
                .route(
                        "/.well-known/webfinger",
                        request -> ScriptedResponse.ok(
                                "application/jrd+json",
                                "{\"subject\":\"" + resource(request.query()) + "\",\"links\":[{\"rel\":"
                                        + "\"urn:callsign:rel:signaling-server\",\"href\":\""
                                        + FederationProfile.ORIGIN + "\"}]}"));
        sandbox = new IdpSandbox(new DefaultFetcher(idp.policy().build()), SandboxConfig.defaults());
    }

    /** A new person {@code <name>-<n>@idp-a.test} whose device sends {@code sdp} under a fingerprint of its own. */
    public Person person(String name, SdpFixtures sdp) throws IdentityException {
        String clientId = TestClients.registerNew(name);
        String token = TestClients.token(clientId);
        String fingerprint = randomFingerprint();
        String deviceId = TestClients.device(clientId, name + "-phone", fingerprint);
        String identity = clientId + "@idp-a.test";
        String challenge = bearer(token)
                .when()
                .post("/api/identity/challenge")
                .then()
                .statusCode(200)
                .extract()
                .path("contents");
        TestIdpResource.idp().identity(identity);
        String assertion = sandbox.generateAssertion(
                        IdpProxyAddress.of("idp-a.test", PROTOCOL),
                        challenge,
                        FederationProfile.ORIGIN,
                        new GenerateOptions(PROTOCOL, null, null))
                .assertion();
        bearer(token)
                .contentType(ContentType.JSON)
                .body(Map.of("idp", Map.of("domain", "idp-a.test", "protocol", PROTOCOL), "assertion", assertion))
                .when()
                .put("/api/identity")
                .then()
                .statusCode(200);
        return new Person(identity, clientId, token, deviceId, fingerprint, sdp.withFingerprint(fingerprint));
    }

    /** The person's SDP with an {@code a=identity} of theirs for {@code origin}. */
    public String asserted(Person person, String origin) throws IdentityException, SdpException {
        return asserted(person.sdp(), person.identity(), origin);
    }

    /** {@code sdp} with an {@code a=identity} of {@code identity} for {@code origin}. */
    public String asserted(String sdp, String identity, String origin) throws IdentityException, SdpException {
        TestIdpResource.idp().identity(identity);
        return new IdentityAsserter(sandbox)
                .assertIdentity(
                        SessionDescription.parse(sdp),
                        IdpProxyAddress.of("idp-a.test", PROTOCOL),
                        origin,
                        new GenerateOptions(PROTOCOL, null, null))
                .toString();
    }

    /** Places a call from {@code device} and returns its id. */
    public static String place(SignalingClient device, String to, String sdp) {
        JsonNode placed =
                device.call(SignalingClient.message("call").put("to", to).put("sdp", sdp));
        assertEquals("call-placed", placed.path("type").asText(), placed.toString());
        String call = placed.path("call").asText();
        assertFalse(call.isEmpty());
        return call;
    }

    /** The next {@code call-update} of {@code call} past ringing: how it ended (or was answered) for this device. */
    public static JsonNode awaitEnd(SignalingClient device, String call) {
        while (true) {
            JsonNode update = device.await("call-update");
            if (call.equals(update.path("call").asText())
                    && !"ringing".equals(update.path("state").asText())) {
                return update;
            }
        }
    }

    /** The device-side sandbox. */
    public IdpSandbox sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        sandbox.close();
    }

    /** A random SHA-256 fingerprint, upper-case hex. */
    public static String randomFingerprint() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static String resource(String query) {
        String value = query == null ? "" : query.replaceFirst("^.*?resource=([^&]*).*$", "$1");
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
