package org.callsign.signaling.mail;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.callsign.signaling.mail.service.MailTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mailer settings that stop the server at startup, and those that pass. */
class MailTransportTest {

    private static final Optional<String> TLS_CONFIG = Optional.of("mail");

    private static String refusal(MailTransport transport) {
        return assertThrows(IllegalStateException.class, transport::check).getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "::1", "[::1]"})
    void plainSmtpIsFineOnLoopback(String host) {
        assertDoesNotThrow(
                () -> new MailTransport(host, Optional.empty(), "DISABLED", Optional.empty(), false, false).check());
    }

    @Test
    void theMockSendsNothingSoAnythingGoes() {
        assertDoesNotThrow(
                () -> new MailTransport("smtp.example.org", Optional.empty(), "OPTIONAL", Optional.empty(), true, true)
                        .check());
    }

    @Test
    void startTlsOrTlsIsRequiredForAnotherHost() {
        String expected = "mail to smtp.example.org would not be encrypted: set quarkus.mailer.start-tls=REQUIRED (or"
                + " quarkus.mailer.tls=true)";
        assertEquals(
                expected,
                refusal(new MailTransport(
                        "smtp.example.org", Optional.empty(), "OPTIONAL", Optional.empty(), false, false)));
        assertEquals(
                expected,
                refusal(new MailTransport(
                        "smtp.example.org", Optional.of(false), "OPTIONAL", TLS_CONFIG, false, false)));
    }

    @Test
    void aNamedTlsConfigurationIsRequiredSoThatHostNamesAreChecked() {
        assertEquals(
                "quarkus.mailer.tls-configuration-name is required for mail to smtp.example.org, so that the server's"
                        + " certificate and host name are checked (quarkus.tls.<name>.*)",
                refusal(new MailTransport(
                        "smtp.example.org", Optional.empty(), "REQUIRED", Optional.empty(), false, false)));
    }

    @Test
    void trustAllIsRefused() {
        assertEquals(
                "quarkus.mailer.trust-all must not be set for mail to smtp.example.org",
                refusal(new MailTransport(
                        "smtp.example.org", Optional.of(false), "REQUIRED", TLS_CONFIG, true, false)));
    }

    @Test
    void requiredStartTlsOrImplicitTlsWithANamedConfigurationPass() {
        assertDoesNotThrow(
                () -> new MailTransport("smtp.example.org", Optional.of(false), "required", TLS_CONFIG, false, false)
                        .check());
        assertDoesNotThrow(() ->
                new MailTransport("smtp.example.org", Optional.empty(), "DISABLED", TLS_CONFIG, false, false).check());
    }
}
