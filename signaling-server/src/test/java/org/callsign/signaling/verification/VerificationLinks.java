package org.callsign.signaling.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callsign.signaling.LogCapture;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.verification.service.LinkDelivery;

/** Unverified devices for tests, and the verification links the server logs for them. */
final class VerificationLinks {

    /** A link as logged: the URL ends the message. */
    static final Pattern LINK = Pattern.compile("(https?://\\S+/verify/([A-Za-z0-9_.-]+))$");

    /** A link as the server logged it. */
    record Link(String url, String token) {}

    /** An unverified device and its link. */
    record Unverified(String deviceId, Link link) {}

    private VerificationLinks() {}

    /** A new device of the client. */
    static Map<String, Object> device(String name, String fingerprint, Boolean verified) {
        return verified == null
                ? Map.of("name", name, "kind", "phone", "fingerprint", fingerprint)
                : Map.of("name", name, "kind", "phone", "fingerprint", fingerprint, "verified", verified);
    }

    /** A link made while {@code action} runs, as the server logged it; exactly one must be logged. */
    static Link logged(Runnable action) {
        try (LogCapture log = LogCapture.of(LinkDelivery.class)) {
            action.run();
            List<String> messages = log.messages(Level.INFO);
            assertEquals(1, messages.size(), "links logged: " + messages.size());
            Matcher matcher = LINK.matcher(messages.get(0));
            if (!matcher.find()) {
                throw new AssertionError("no link in the log message");
            }
            return new Link(matcher.group(1), matcher.group(2));
        }
    }

    /** Registers an unverified device of the client; returns its id and its link as logged. */
    static Unverified unverifiedDevice(String clientId, String name, String fingerprint) {
        String[] id = new String[1];
        Link link = logged(() -> id[0] = TestClients.as(clientId)
                .contentType(ContentType.JSON)
                .body(device(name, fingerprint, false))
                .when()
                .post("/api/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
        return new Unverified(id[0], link);
    }
}
