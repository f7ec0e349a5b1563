package org.callsign.signaling.connect;

import static io.restassured.RestAssured.given;
import static org.callsign.signaling.TestClients.as;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.connect.service.SessionDescriptionInit;
import org.callsign.signaling.connect.service.WebexecOffers;

/** Devices, fingerprints and offers for the tests of {@code /connect} and WHIP. */
public final class HttpSignalingFixture {

    /** The fingerprint of {@link #chromiumOffer()}, upper-case hex without colons. */
    public static final String CHROMIUM_FINGERPRINT =
            "91:29:35:69:25:5C:DA:07:20:0E:7F:FC:40:AE:F4:E7:D2:28:22:E6:C6:F8:8D:1C:11:1B:A1:9E:8A:2A:CE:5F"
                    .replace(":", "");

    private static final SecureRandom RANDOM = new SecureRandom();

    private HttpSignalingFixture() {}

    /** A recorded Chromium offer with a data channel and one fingerprint. */
    public static String chromiumOffer() {
        try (InputStream in =
                HttpSignalingFixture.class.getResourceAsStream("/sdp/chromium-156-datachannel-offer.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code sdp} with every {@code a=fingerprint} replaced by sha-256 {@code hex}. */
    public static String withFingerprint(String sdp, String hex) {
        return sdp.replaceAll("a=fingerprint:[^\\r\\n]*", "a=fingerprint:sha-256 " + colons(hex));
    }

    /** A random sha-256 fingerprint, upper-case hex without colons. */
    public static String randomFingerprint() {
        byte[] digest = new byte[32];
        RANDOM.nextBytes(digest);
        return HexFormat.of().withUpperCase().formatHex(digest);
    }

    /** {@code AB:CD:…} of upper-case hex. */
    public static String colons(String hex) {
        return String.join(":", hex.split("(?<=\\G..)"));
    }

    /** webexec's encoding of an offer. */
    public static String encodeOffer(String sdp) {
        return Base64.getEncoder()
                .encodeToString(("{\"type\":\"offer\",\"sdp\":" + json(sdp) + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** The SDP of a {@code /connect} answer body. */
    public static SessionDescriptionInit decodeAnswer(String body) {
        return WebexecOffers.decode(body);
    }

    /** Registers a verified device of {@code clientId} with {@code fingerprint}; returns its id. */
    public static String device(String clientId, String name, String fingerprint) {
        return as(clientId)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "webexec", "fingerprint", fingerprint))
                .when()
                .post("/api/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Adds {@code fingerprint} to the authorised fingerprints, as the test owner. */
    public static void authorize(String fingerprint) {
        int status = as(TestClients.owner())
                .contentType(ContentType.JSON)
                .body(Map.of("fingerprint", fingerprint, "label", "test caller"))
                .when()
                .post("/api/authorized-fingerprints")
                .statusCode();
        if (status != 201 && status != 200) {
            throw new IllegalStateException("authorising a fingerprint answered " + status);
        }
    }

    /** A {@code /connect} body. */
    public static Map<String, Object> connectBody(String fingerprint, String offer, String target) {
        HashMap<String, Object> body = new HashMap<>();
        body.put("api_version", 0);
        body.put("offer", offer);
        if (fingerprint != null) {
            body.put("fingerprint", fingerprint);
        }
        if (target != null) {
            body.put("target", target);
        }
        return body;
    }

    /** POSTs a {@code /connect} body without credentials. */
    public static ValidatableResponse connect(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/connect")
                .then();
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
