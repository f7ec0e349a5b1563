package org.callsign.signaling.verification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.mail.SmtpServer;
import org.callsign.signaling.verification.VerificationLinks.Link;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With mail and a public URL configured: the owner gets the link by mail too, through a real SMTP server with STARTTLS
 * and {@code AUTH PLAIN}, and the link points at the public URL.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class VerificationMailTest {

    private static final Pattern LINK = Pattern.compile("^  (https://\\S+/verify/(\\S+))$", Pattern.MULTILINE);

    @ConfigProperty(name = SmtpTestResource.MESSAGES, defaultValue = "none")
    String messages;

    @BeforeEach
    void needsAiosmtpd() {
        SmtpServer.assumeInstalled();
    }

    @Test
    void theOwnerIsMailedTheLinkOfANewUnverifiedDevice() throws Exception {
        Path out = Path.of(messages);
        int before = SmtpServer.messages(out).size();
        String alice = TestClients.registerNew("mailed");
        VerificationLinks.Unverified phone = VerificationLinks.unverifiedDevice(alice, "Zoë's phone", "EF".repeat(32));
        assertTrue(
                phone.link().url().startsWith(SmtpTestResource.PUBLIC_URL + "/verify/"),
                phone.link().url());

        List<String> mails = SmtpServer.awaitMessages(out, before + 1, Duration.ofSeconds(10));
        assertEquals(before + 1, mails.size());
        String mail = mails.get(before);
        assertTrue(mail.contains("X-Test-Rcpt-To: " + SmtpTestResource.OWNER + "\r\n"), mail);
        assertTrue(mail.contains("X-Test-Mail-From: signaling@callsign.test\r\n"), mail);
        assertTrue(mail.contains("X-Test-Tls: yes\r\n"), mail);
        assertTrue(mail.contains("X-Test-Auth-User: " + SmtpTestResource.USER + "\r\n"), mail);
        String text = body(mail);
        assertTrue(text.contains("  Device:      Zoë's phone\n"), text);
        Matcher matcher = LINK.matcher(text);
        assertTrue(matcher.find(), text);
        assertEquals(phone.link().url(), matcher.group(1));

        given().header("Origin", "https://callsign.example.org")
                .when()
                .post("/verify/" + matcher.group(2))
                .then()
                .statusCode(200);
        TestClients.as(alice)
                .when()
                .get("/api/devices/" + phone.deviceId())
                .then()
                .body("verified", equalTo(true));
    }

    /** The text of a received single-part mail, decoded from its transfer encoding. */
    private static String body(String mail) {
        String[] parts = mail.split("\r\n\r\n", 2);
        String headers = parts[0].toLowerCase(Locale.ROOT);
        if (headers.contains("content-transfer-encoding: base64")) {
            return new String(Base64.getMimeDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        }
        if (headers.contains("content-transfer-encoding: quoted-printable")) {
            return quotedPrintable(parts[1]);
        }
        return parts[1].replace("\r\n", "\n");
    }

    /** Decodes quoted-printable text (RFC 2045 §6.7): soft line breaks, then {@code =XX} bytes. */
    private static String quotedPrintable(String text) {
        String joined = text.replace("=\r\n", "").replace("\r\n", "\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRequestedLinkSaysItWasMailed() {
        String bob = TestClients.registerNew("mailed");
        VerificationLinks.Unverified phone = VerificationLinks.unverifiedDevice(bob, "Phone", "EF".repeat(32));
        Link second = VerificationLinks.logged(() -> TestClients.as(bob)
                .when()
                .post("/api/devices/" + phone.deviceId() + "/verification-link")
                .then()
                .statusCode(202)
                .body("delivery", equalTo(List.of("log", "mail"))));

        given().header("Origin", "http://localhost:8082")
                .contentType(ContentType.URLENC)
                .when()
                .post("/verify/" + second.token())
                .then()
                .statusCode(403)
                .body("error", equalTo("not-allowed"));
    }
}
