package org.callsign.signaling.fingerprint;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.fingerprint.service.AuthorizedFingerprints;
import org.callsign.signaling.fingerprint.service.FingerprintCheck.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The owner's authorised fingerprints: the API, the file it keeps, hand edits, and the SDP check. */
@QuarkusTest
class AuthorizedFingerprintResourceTest {

    /** The Chromium offer's fingerprint, as webexec writes it. */
    static final String OFFER = "91293569255CDA07200E7FFC40AEF4E7D22822E6C6F88D1C111BA19E8A2ACE5F";

    @Inject
    AuthorizedFingerprints fingerprints;

    @BeforeEach
    void onlyTheOwnerIsListed() throws IOException {
        TestClients.owner();
        Files.writeString(fingerprints.file(), "# test\n");
    }

    private static ValidatableResponse add(String clientId, Object body) {
        return TestClients.as(clientId)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/authorized-fingerprints")
                .then();
    }

    private static String sdp() throws IOException {
        try (var in = AuthorizedFingerprintResourceTest.class.getResourceAsStream(
                "/sdp/chromium-156-datachannel-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anOwnerAddsAFingerprintToTheFileAndItAuthorisesTheOffer() throws IOException {
        assertEquals(Outcome.NOT_AUTHORIZED, fingerprints.check(sdp()).outcome());
        add(
                        TestClients.OWNER,
                        Map.of("fingerprint", "sha-256 " + OFFER.replaceAll("(..)(?!$)", "$1:"), "label", "laptop"))
                .statusCode(201)
                .body("fingerprint", equalTo(OFFER))
                .body("label", equalTo("laptop"));
        assertEquals("# test\n" + OFFER + " laptop\n", Files.readString(fingerprints.file()));
        assertEquals(Outcome.AUTHORIZED, fingerprints.check(sdp()).outcome());
        add(TestClients.OWNER, Map.of("fingerprint", OFFER.toLowerCase())).statusCode(200);
        TestClients.as(TestClients.OWNER)
                .when()
                .get("/api/authorized-fingerprints")
                .then()
                .statusCode(200)
                .body("file", equalTo(fingerprints.file().toString()))
                .body("fingerprints.fingerprint", equalTo(java.util.List.of(OFFER)));
    }

    @Test
    void removingAFingerprintKeepsEveryOtherLineOfTheFile() throws IOException {
        Files.writeString(fingerprints.file(), "# mine\n" + OFFER + " laptop\n" + "AB".repeat(32) + " phone\n");
        TestClients.as(TestClients.OWNER)
                .when()
                .delete("/api/authorized-fingerprints/" + OFFER.replaceAll("(..)(?!$)", "$1:"))
                .then()
                .statusCode(204);
        assertEquals("# mine\n" + "AB".repeat(32) + " phone\n", Files.readString(fingerprints.file()));
        assertEquals(Outcome.NOT_AUTHORIZED, fingerprints.check(sdp()).outcome());
        TestClients.as(TestClients.OWNER)
                .when()
                .delete("/api/authorized-fingerprints/" + OFFER)
                .then()
                .statusCode(404)
                .body("error", equalTo("not-found"))
                .body("message", equalTo("fingerprint is not authorised"));
    }

    @Test
    void aHandEditOfTheFileTakesEffectAtTheNextCheck() throws IOException {
        Files.writeString(fingerprints.file(), OFFER.toLowerCase() + " added by hand\n", StandardOpenOption.APPEND);
        assertTrue(fingerprints.check(sdp()).authorized());
        TestClients.as(TestClients.OWNER)
                .when()
                .get("/api/authorized-fingerprints")
                .then()
                .body("fingerprints.label", hasItem("added by hand"));
        Files.writeString(fingerprints.file(), "# emptied by hand\n");
        assertEquals(Outcome.NOT_AUTHORIZED, fingerprints.check(sdp()).outcome());
        TestClients.as(TestClients.OWNER)
                .when()
                .get("/api/authorized-fingerprints")
                .then()
                .body("fingerprints.fingerprint", not(hasItem(OFFER)));
    }

    @Test
    void everyFingerprintOfTheSdpMustBeAuthorised() throws IOException {
        Files.writeString(fingerprints.file(), OFFER + "\n");
        String withSecond = sdp().replace("a=mid:0", "a=mid:0\r\na=fingerprint:sha-256 " + "AB:".repeat(31) + "AB");
        var check = fingerprints.check(withSecond);
        assertEquals(Outcome.NOT_AUTHORIZED, check.outcome());
        assertEquals("fingerprint " + "AB".repeat(32) + " is not authorised", check.message());
    }

    @Test
    void sdpWithoutFingerprintsOrMalformedIsNeverAuthorised() throws IOException {
        Files.writeString(fingerprints.file(), OFFER + "\n");
        assertEquals(
                Outcome.NO_FINGERPRINT,
                fingerprints
                        .check(sdp().replaceAll("a=fingerprint:[^\r\n]*\r\n", ""))
                        .outcome());
        assertEquals(Outcome.MALFORMED_SDP, fingerprints.check("not sdp").outcome());
        assertEquals(Outcome.MALFORMED_SDP, fingerprints.check(null).outcome());
    }

    @Test
    void onlyOwnersManageFingerprints() {
        String plain = TestClients.registerNew("plain");
        TestClients.as(plain)
                .when()
                .get("/api/authorized-fingerprints")
                .then()
                .statusCode(403)
                .body("error", equalTo("not-allowed"))
                .body("message", equalTo("only an owner can list authorised fingerprints"));
        add(plain, Map.of("fingerprint", OFFER))
                .statusCode(403)
                .body("message", equalTo("only an owner can authorise fingerprints"));
        TestClients.as(plain)
                .when()
                .delete("/api/authorized-fingerprints/" + OFFER)
                .then()
                .statusCode(403);
    }

    @Test
    void badFingerprintsAndLabelsAreInvalidRequests() {
        add(TestClients.OWNER, Map.of("fingerprint", "XYZ"))
                .statusCode(400)
                .body("error", equalTo("invalid-request"))
                .body("message", equalTo("fingerprint is not hexadecimal"));
        add(TestClients.OWNER, Map.of("fingerprint", OFFER, "label", "line\nbreak"))
                .statusCode(400)
                .body("message", equalTo("label must not contain control characters"));
        add(TestClients.OWNER, Map.of("fingerprint", OFFER, "label", "l".repeat(129)))
                .statusCode(400)
                .body("message", equalTo("label is longer than 128 characters"));
        TestClients.as(TestClients.OWNER)
                .when()
                .delete("/api/authorized-fingerprints/ABC")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid-request"));
    }
}
