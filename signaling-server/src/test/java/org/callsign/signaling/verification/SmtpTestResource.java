package org.callsign.signaling.verification;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.callsign.signaling.ExternalServerResource;
import org.callsign.signaling.mail.SmtpServer;

/**
 * Starts a real SMTP server (aiosmtpd) on a free loopback port before the application, requiring STARTTLS with a
 * certificate made for the test and {@code AUTH PLAIN}, and points Quarkus' mailer at it as a production setup would:
 * {@code start-tls=REQUIRED}, a named TLS configuration trusting that certificate (so the host name is checked), and
 * a user and password. Also sets a public URL for links. Without aiosmtpd (outside CI) it configures no mail, and the
 * tests skip themselves with {@link SmtpServer#assumeInstalled()}.
 */
public class SmtpTestResource extends ExternalServerResource<SmtpServer> {

    /** The public URL of the profile. */
    static final String PUBLIC_URL = "https://callsign.example.org/base";

    /** The owner's address of the profile. */
    static final String OWNER = "owner@callsign.test";

    /** The SMTP user of the profile. */
    static final String USER = "callsign";

    /** A configuration key, read by the tests only: the directory of received messages. */
    static final String MESSAGES = "callsign.test.smtp-dir";

    private SmtpServer.Certificate certificate;

    @Override
    protected boolean installed() {
        return SmtpServer.installed();
    }

    @Override
    protected SmtpServer start(Path dir) throws IOException, InterruptedException {
        certificate = SmtpServer.certificate(dir);
        return SmtpServer.start(
                dir,
                "--starttls",
                certificate.cert().toString(),
                certificate.key().toString(),
                "--auth",
                USER + ":smtp-password-for-tests");
    }

    @Override
    protected Map<String, String> config(SmtpServer server, Path dir) {
        if (server == null) {
            return Map.of("callsign.signaling.public-url", PUBLIC_URL + "/");
        }
        return Map.ofEntries(
                Map.entry("callsign.signaling.public-url", PUBLIC_URL + "/"),
                Map.entry("callsign.signaling.mail.owner-address", OWNER),
                Map.entry("quarkus.mailer.mock", "false"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", Integer.toString(server.port())),
                Map.entry("quarkus.mailer.tls", "false"),
                Map.entry("quarkus.mailer.start-tls", "REQUIRED"),
                Map.entry("quarkus.mailer.tls-configuration-name", "mail"),
                Map.entry(
                        "quarkus.tls.mail.trust-store.pem.certs",
                        certificate.cert().toString()),
                Map.entry("quarkus.mailer.username", USER),
                Map.entry("quarkus.mailer.password", "smtp-password-for-tests"),
                Map.entry("quarkus.mailer.login", "REQUIRED"),
                Map.entry("quarkus.mailer.from", "signaling@callsign.test"),
                Map.entry(MESSAGES, server.out().toString()));
    }
}
