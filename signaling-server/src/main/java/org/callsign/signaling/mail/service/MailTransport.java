package org.callsign.signaling.mail.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of {@code quarkus.mailer.*} that decide whether mail to the owner is safe to send, checked at startup: a
 * verification link is a secret, so it must not cross a network in clear, nor go to a server whose certificate is not
 * checked. To an SMTP server other than this machine, mail needs TLS from the start or a required {@code STARTTLS}
 * (RFC 3207), a named TLS configuration ({@code quarkus.tls.<name>.*}: without one, Quarkus' mailer does not check the
 * certificate's host name), and no {@code trust-all}. Plain SMTP is fine on loopback; the mock mailer sends nothing.
 *
 * @param host {@code quarkus.mailer.host}
 * @param tls {@code quarkus.mailer.tls}
 * @param startTls {@code quarkus.mailer.start-tls}: {@code DISABLED}, {@code OPTIONAL} or {@code REQUIRED}
 * @param tlsConfigurationName {@code quarkus.mailer.tls-configuration-name}
 * @param trustAll {@code quarkus.mailer.trust-all}
 * @param mock whether the mailer is the mock (the default in dev and test mode)
 */
public record MailTransport(
        String host,
        Optional<Boolean> tls,
        String startTls,
        Optional<String> tlsConfigurationName,
        boolean trustAll,
        boolean mock) {

    private static final String PREFIX = "quarkus.mailer.";

    /** Refuses, with {@link IllegalStateException} naming the key, settings that would expose mail to the owner. */
    public void check() {
        if (mock || loopback(host)) {
            return;
        }
        // A TLS configuration turns TLS on from the start unless tls=false says otherwise.
        boolean implicitTls = tls.orElse(tlsConfigurationName.isPresent());
        if (!implicitTls && !startTls.strip().toUpperCase(Locale.ROOT).equals("REQUIRED")) {
            throw new IllegalStateException("mail to " + host + " would not be encrypted: set " + PREFIX
                    + "start-tls=REQUIRED (or " + PREFIX + "tls=true)");
        }
        if (tlsConfigurationName.isEmpty()) {
            throw new IllegalStateException(PREFIX + "tls-configuration-name is required for mail to " + host
                    + ", so that the server's certificate and host name are checked (quarkus.tls.<name>.*)");
        }
        if (trustAll) {
            throw new IllegalStateException(PREFIX + "trust-all must not be set for mail to " + host);
        }
    }

    /** Whether {@code host} is this machine: {@code localhost} or a loopback address literal (no name lookup). */
    static boolean loopback(String host) {
        String name = host.strip();
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!name.matches("[0-9.]+|\\[?[0-9A-Fa-f:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(name.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
