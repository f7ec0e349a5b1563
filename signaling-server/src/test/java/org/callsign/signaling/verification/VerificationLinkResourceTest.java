package org.callsign.signaling.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.verification.VerificationLinks.Link;
import org.callsign.signaling.verification.VerificationLinks.Unverified;
import org.callsign.signaling.verification.service.LinkClaims;
import org.callsign.signaling.verification.service.LinkTokens;
import org.callsign.signaling.verification.store.VerificationLinkStore;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Devices that introduce themselves unverified, and the links that verify them from another device. */
@QuarkusTest
class VerificationLinkResourceTest {

    private static final String FINGERPRINT = "AB".repeat(32);
    private static final String PAIRS = String.join(":", Collections.nCopies(32, "AB"));

    @Inject
    MutableClock clock;

    @Inject
    VerificationLinkStore store;

    private static String origin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    private static ValidatableResponse page(String token) {
        return given().when().get("/verify/" + token).then();
    }

    private static ValidatableResponse confirm(String token) {
        return given().header("Origin", origin())
                .when()
                .post("/verify/" + token)
                .then();
    }

    private static void refused(ValidatableResponse response, int status, String error, String message) {
        response.statusCode(status)
                .contentType(ContentType.JSON)
                .body("error", equalTo(error))
                .body("message", equalTo(message));
    }

    private static void verified(String clientId, String deviceId, boolean verified) {
        TestClients.as(clientId)
                .when()
                .get("/api/devices/" + deviceId)
                .then()
                .statusCode(200)
                .body("verified", equalTo(verified));
    }

    @Test
    void anUnverifiedDeviceIsReportedAsSuchUntilItsLinkVerifiesItOnce() {
        String alice = TestClients.registerNew("alice");
        Unverified phone = VerificationLinks.unverifiedDevice(alice, "New <phone>", FINGERPRINT);
        TestClients.as(alice)
                .when()
                .get("/api/devices")
                .then()
                .body("verified", equalTo(List.of(false)))
                .body("name", equalTo(List.of("New <phone>")));
        assertEquals(origin() + "/verify/" + phone.link().token(), phone.link().url());

        page(phone.link().token())
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("<dd id=\"name\">New &lt;phone&gt;</dd>"))
                .body(containsString("<dd id=\"kind\">phone</dd>"))
                .body(containsString("<code>" + PAIRS + "</code>"))
                .body(containsString("<dd id=\"client\">" + alice + "</dd>"))
                .body(containsString("<form method=\"post\">"));
        verified(alice, phone.deviceId(), false);

        confirm(phone.link().token())
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<h1>Device verified</h1>"));
        verified(alice, phone.deviceId(), true);

        refused(confirm(phone.link().token()), 410, "link-used", "verification link has been used already");
        refused(page(phone.link().token()), 410, "link-used", "verification link has been used already");
    }

    @Test
    void theDefaultIsStillAVerifiedDeviceWithoutALink() {
        String bob = TestClients.registerNew("bob");
        String id = TestClients.as(bob)
                .contentType(ContentType.JSON)
                .body(VerificationLinks.device("Laptop", FINGERPRINT, null))
                .when()
                .post("/api/devices")
                .then()
                .statusCode(201)
                .body("verified", equalTo(true))
                .extract()
                .path("id");
        refused(
                TestClients.as(bob)
                        .when()
                        .post("/api/devices/" + id + "/verification-link")
                        .then(),
                409,
                "device-verified",
                "device is verified already");
    }

    @Test
    void theOwnerCanAskForANewLinkWhichIsDeliveredNotReturned() {
        String carol = TestClients.registerNew("carol");
        Unverified tablet = VerificationLinks.unverifiedDevice(carol, "Tablet", FINGERPRINT);
        Link second = VerificationLinks.logged(() -> TestClients.as(carol)
                .when()
                .post("/api/devices/" + tablet.deviceId() + "/verification-link")
                .then()
                .statusCode(202)
                .body("device", equalTo(tablet.deviceId()))
                .body("delivery", equalTo(List.of("log")))
                .body("expires", startsWith("20"))
                .body(not(containsString("/verify/"))));

        confirm(second.token()).statusCode(200);
        verified(carol, tablet.deviceId(), true);
        page(tablet.link().token()).statusCode(200).body(containsString("<h1>Already verified</h1>"));
    }

    @Test
    void noLinkForAnotherClientsDevice() {
        String dave = TestClients.registerNew("dave");
        String eve = TestClients.registerNew("eve");
        Unverified daves = VerificationLinks.unverifiedDevice(dave, "Phone", FINGERPRINT);
        refused(
                TestClients.as(eve)
                        .when()
                        .post("/api/devices/" + daves.deviceId() + "/verification-link")
                        .then(),
                404,
                "not-found",
                "no such device");
    }

    @Test
    void aSignedLinkNamingAnotherClientForTheDeviceIsRefused() {
        String frank = TestClients.registerNew("frank");
        String grace = TestClients.registerNew("grace");
        Unverified franks = VerificationLinks.unverifiedDevice(frank, "Phone", FINGERPRINT);
        LinkTokens tokens = new LinkTokens(store.signingKey(() -> {
            throw new AssertionError("the server has a key");
        }));
        String forged = tokens.sign(new LinkClaims(
                LinkClaims.VERSION,
                "forged-link-id",
                grace,
                franks.deviceId(),
                LinkClaims.fingerprintDigest(FINGERPRINT),
                clock.instant().plus(Duration.ofMinutes(5)).getEpochSecond()));

        refused(confirm(forged), 409, "link-stale", "the device of this link no longer exists");
        verified(frank, franks.deviceId(), false);
    }

    @Test
    void anExpiredLinkIsRefused() {
        String heidi = TestClients.registerNew("heidi");
        Unverified phone = VerificationLinks.unverifiedDevice(heidi, "Phone", FINGERPRINT);
        clock.advance(Duration.ofMinutes(10));

        refused(page(phone.link().token()), 410, "link-expired", "verification link has expired");
        refused(confirm(phone.link().token()), 410, "link-expired", "verification link has expired");
        verified(heidi, phone.deviceId(), false);
    }

    @Test
    void aTamperedLinkIsRefused() {
        String ivan = TestClients.registerNew("ivan");
        Unverified phone = VerificationLinks.unverifiedDevice(ivan, "Phone", FINGERPRINT);
        String token = phone.link().token();
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + (parts[1].charAt(0) == 'A' ? 'B' : 'A') + parts[1].substring(1);
        String claims = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String otherDevice = claims.replace(phone.deviceId(), "another-device-id");
        String otherPayload =
                Base64.getUrlEncoder().withoutPadding().encodeToString(otherDevice.getBytes(StandardCharsets.UTF_8))
                        + "."
                        + parts[1];

        refused(confirm(otherSignature), 400, "link-invalid", "verification link is not signed by this server");
        refused(confirm(otherPayload), 400, "link-invalid", "verification link is not signed by this server");
        refused(confirm("not-a-link"), 400, "link-invalid", "verification link is malformed");
        refused(page(token + "x"), 400, "link-invalid", "verification link is malformed");
        verified(ivan, phone.deviceId(), false);
    }

    @Test
    void aLinkForARemovedDeviceIsRefused() {
        String judy = TestClients.registerNew("judy");
        Unverified phone = VerificationLinks.unverifiedDevice(judy, "Phone", FINGERPRINT);
        TestClients.as(judy)
                .when()
                .delete("/api/devices/" + phone.deviceId())
                .then()
                .statusCode(204);

        refused(page(phone.link().token()), 409, "link-stale", "the device of this link no longer exists");
        refused(confirm(phone.link().token()), 409, "link-stale", "the device of this link no longer exists");
    }

    @Test
    void aLinkForADeviceWhoseFingerprintChangedIsRefused() {
        String mallory = TestClients.registerNew("mallory");
        Unverified phone = VerificationLinks.unverifiedDevice(mallory, "Phone", FINGERPRINT);
        TestClients.as(mallory)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Phone", "kind", "phone", "fingerprint", "CD".repeat(32)))
                .when()
                .put("/api/devices/" + phone.deviceId())
                .then()
                .statusCode(200);

        refused(
                confirm(phone.link().token()),
                409,
                "link-stale",
                "the device's fingerprint changed since the link was made");
        verified(mallory, phone.deviceId(), false);
    }

    @Test
    void onlyAPostFromTheLinksOwnPageVerifies() {
        String niaj = TestClients.registerNew("niaj");
        Unverified phone = VerificationLinks.unverifiedDevice(niaj, "Phone", FINGERPRINT);
        String path = "/verify/" + phone.link().token();
        String message = "a verification link can only be used from its own page";

        refused(given().header("Origin", "https://evil.example").post(path).then(), 403, "not-allowed", message);
        refused(given().header("Origin", "null").post(path).then(), 403, "not-allowed", message);
        refused(given().header("Sec-Fetch-Site", "cross-site").post(path).then(), 403, "not-allowed", message);
        refused(given().header("Sec-Fetch-Site", "same-site").post(path).then(), 403, "not-allowed", message);
        refused(given().put(path).then(), 405, "method-not-allowed", "method not allowed");
        refused(given().delete(path).then(), 405, "method-not-allowed", "method not allowed");
        verified(niaj, phone.deviceId(), false);

        given().header("Origin", origin())
                .header("Sec-Fetch-Site", "same-origin")
                .when()
                .post(path)
                .then()
                .statusCode(200);
        verified(niaj, phone.deviceId(), true);
    }

    @Test
    void browsersGetRefusalsAsAPage() {
        String olivia = TestClients.registerNew("olivia");
        Unverified phone = VerificationLinks.unverifiedDevice(olivia, "Phone", FINGERPRINT);
        clock.advance(Duration.ofMinutes(11));

        given().accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .when()
                .get("/verify/" + phone.link().token())
                .then()
                .statusCode(410)
                .contentType(containsString("text/html"))
                .body(containsString("data-error=\"link-expired\""))
                .body(containsString("verification link has expired"));
    }
}
