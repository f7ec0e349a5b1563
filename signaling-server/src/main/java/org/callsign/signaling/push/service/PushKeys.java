package org.callsign.signaling.push.service;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.callsign.signaling.config.SignalingConfig;
import org.jboss.logging.Logger;

/**
 * The VAPID key and subject in use, loaded (or made) at start when push is on, so that a bad key file stops the server
 * rather than the first push. The subject (RFC 8292 §2.1, the push service's contact for this sender) is
 * {@code push.vapid-subject}, else {@code mailto:} the owner's mail address, else the public URL if it is https;
 * without any, tokens carry none.
 */
@Singleton
@Startup
public class PushKeys {

    private static final Logger LOG = Logger.getLogger(PushKeys.class);

    private final Optional<VapidKeys> keys;
    private final Optional<String> subject;

    PushKeys(SignalingConfig config) {
        subject = subject(config);
        if (!config.push().enabled()) {
            keys = Optional.empty();
            LOG.info("push notifications are off (push.enabled=false)");
            return;
        }
        try {
            keys = Optional.of(VapidKeys.loadOrCreate(config.vapidKeyFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("VAPID key " + config.vapidKeyFile() + ": " + e.getMessage(), e);
        }
        if (subject.isEmpty()) {
            LOG.warn("no VAPID subject (push.vapid-subject, mail.owner-address or an https public-url):"
                    + " some push services refuse tokens without a contact");
        }
        LOG.infof("push notifications on, VAPID key %s", keys.get());
    }

    /** The VAPID key, when push is on. */
    public Optional<VapidKeys> keys() {
        return keys;
    }

    /** The VAPID public key for browsers' {@code applicationServerKey}, when push is on. */
    public Optional<String> publicKey() {
        return keys.map(VapidKeys::publicKey);
    }

    /** The {@code sub} claim of VAPID tokens, if any. */
    public Optional<String> subject() {
        return subject;
    }

    /** The configured subject, or the default; a configured one that is not a mailto: or https: URI stops the server. */
    static Optional<String> subject(SignalingConfig config) {
        Optional<String> configured = config.push().vapidSubject().map(String::trim);
        if (configured.isPresent()) {
            String value = configured.get();
            if (!value.matches("mailto:[^\\s]+@[^\\s]+") && !value.matches("https://[^\\s/]+(/[^\\s]*)?")) {
                throw new IllegalStateException(
                        "callsign.signaling.push.vapid-subject must be a mailto: or https: URI (RFC 8292 §2.1): "
                                + value);
            }
            return configured;
        }
        Optional<String> owner = config.mail().ownerAddress().map(address -> "mailto:" + address.trim());
        if (owner.isPresent()) {
            return owner;
        }
        return config.publicUrl().map(String::trim).filter(url -> url.startsWith("https://"));
    }
}
