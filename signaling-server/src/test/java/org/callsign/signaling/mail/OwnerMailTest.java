package org.callsign.signaling.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.callsign.signaling.LogCapture;
import org.callsign.signaling.mail.service.OwnerMail;
import org.junit.jupiter.api.Test;

/** Mail to the owner: addressed from the configured sender, and failures logged, never thrown at the caller. */
class OwnerMailTest {

    /** A mailer that records what it is given and answers with {@code result}. */
    private record RecordingMailer(List<Mail> sent, Uni<Void> result) implements ReactiveMailer {
        @Override
        public Uni<Void> send(Mail... mails) {
            sent.addAll(List.of(mails));
            return result;
        }
    }

    @Test
    void mailsTheOwnerFromTheConfiguredSender() {
        RecordingMailer mailer =
                new RecordingMailer(new ArrayList<>(), Uni.createFrom().voidItem());
        OwnerMail mail = new OwnerMail(mailer, Optional.of("owner@callsign.test"), Optional.of("server@callsign.test"));

        mail.send("Subject", "Text");

        assertTrue(mail.configured());
        assertEquals(1, mailer.sent().size());
        assertEquals(List.of("owner@callsign.test"), mailer.sent().get(0).getTo());
        assertEquals("server@callsign.test", mailer.sent().get(0).getFrom());
        assertEquals("Text", mailer.sent().get(0).getText());
    }

    @Test
    void aFailingMailServerIsAWarningNotAFailure() {
        Uni<Void> refused = Uni.createFrom().failure(new IOException("Connection refused"));
        RecordingMailer mailer = new RecordingMailer(new ArrayList<>(), refused);
        OwnerMail mail = new OwnerMail(mailer, Optional.of("owner@callsign.test"), Optional.empty());
        try (LogCapture log = LogCapture.of(OwnerMail.class)) {
            mail.send("Subject", "Text with a secret link");

            List<String> warnings = log.messages(Level.WARNING);
            assertEquals(
                    List.of("mail \"Subject\" to owner@callsign.test failed: java.io.IOException: Connection refused"),
                    warnings);
            assertEquals("owner@callsign.test", mailer.sent().get(0).getFrom());
        }
    }

    @Test
    void withoutAnOwnerAddressNothingIsSent() {
        RecordingMailer mailer =
                new RecordingMailer(new ArrayList<>(), Uni.createFrom().voidItem());
        OwnerMail mail = new OwnerMail(mailer, Optional.empty(), Optional.empty());
        mail.send("Subject", "Text");
        assertFalse(mail.configured());
        assertEquals(List.of(), mailer.sent());
    }

    @Test
    void refusesAnOwnerAddressThatIsNotLocalAtDomain() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> new OwnerMail(
                        new RecordingMailer(new ArrayList<>(), Uni.createFrom().voidItem()),
                        Optional.of("Owner <owner@example.org>"),
                        Optional.empty()));
        assertEquals(
                "callsign.signaling.mail.owner-address is not a mail address (local@domain): Owner <owner@example.org>",
                e.getMessage());
    }
}
