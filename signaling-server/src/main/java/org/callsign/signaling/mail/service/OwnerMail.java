package org.callsign.signaling.mail.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;
import org.callsign.signaling.config.SignalingConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Mail to the server's owner ({@code callsign.signaling.mail.owner-address}) through Quarkus' mailer, whose SMTP
 * settings are checked at startup ({@link MailTransport}). Sending is asynchronous: a slow or failing mail server never
 * delays or fails the request that caused the mail, and a failure is logged as a warning, without the mail's text.
 * Without an owner address, nothing is sent.
 */
@Startup
@Singleton
public class OwnerMail {

    /** Addresses accepted: {@code local@domain} in ASCII, without spaces, brackets or quotes. */
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");

    private static final Logger LOG = Logger.getLogger(OwnerMail.class);

    private final ReactiveMailer mailer;
    private final Optional<String> owner;
    private final Optional<String> from;

    @Inject
    public OwnerMail(
            ReactiveMailer mailer,
            SignalingConfig config,
            @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from,
            @ConfigProperty(name = "quarkus.mailer.host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "quarkus.mailer.tls") Optional<Boolean> tls,
            @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL") String startTls,
            @ConfigProperty(name = "quarkus.mailer.tls-configuration-name") Optional<String> tlsConfiguration,
            @ConfigProperty(name = "quarkus.mailer.trust-all") Optional<Boolean> trustAll,
            @ConfigProperty(name = "quarkus.mailer.mock") Optional<Boolean> mock) {
        this(mailer, config.mail().ownerAddress(), from);
        if (owner.isPresent()) {
            boolean mocked = mock.orElse(LaunchMode.current() != LaunchMode.NORMAL);
            new MailTransport(host, tls, startTls, tlsConfiguration, trustAll.orElse(false), mocked).check();
            LOG.infof("mail to the owner (%s) through %s%s", owner.get(), host, mocked ? " (mock mailer)" : "");
        }
    }

    /** Mail to {@code owner}, if any, from {@code from} (default: the owner). */
    public OwnerMail(ReactiveMailer mailer, Optional<String> owner, Optional<String> from) {
        this.mailer = mailer;
        this.owner = owner.map(address -> address("callsign.signaling.mail.owner-address", address));
        this.from = from;
    }

    /** Whether mail to the owner is configured. */
    public boolean configured() {
        return owner.isPresent();
    }

    /** Sends a plain-text mail to the owner in the background; does nothing without an owner address. */
    public void send(String subject, String text) {
        if (owner.isEmpty()) {
            return;
        }
        String to = owner.get();
        Mail mail = Mail.withText(to, subject, text).setFrom(from.orElse(to));
        mailer.send(mail)
                .subscribe()
                .with(
                        sent -> LOG.debugf("mail \"%s\" sent to %s", subject, to),
                        failure -> LOG.warnf("mail \"%s\" to %s failed: %s", subject, to, failure));
    }

    private static String address(String key, String value) {
        String address = value.strip();
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalStateException(key + " is not a mail address (local@domain): " + address);
        }
        return address;
    }
}
