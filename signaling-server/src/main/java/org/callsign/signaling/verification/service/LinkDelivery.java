package org.callsign.signaling.verification.service;

import jakarta.inject.Singleton;
import java.util.List;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.fingerprint.service.DeviceFingerprint;
import org.callsign.signaling.mail.service.OwnerMail;
import org.jboss.logging.Logger;

/**
 * Delivers a verification link to the owner, as peerbook does: always to the log at INFO, and by mail where the
 * mail server and the owner's address are configured. The link is a secret (whoever opens it can verify the device,
 * once, until it expires), so the log that holds it needs the protection of the server's data; the README says so.
 * Mail is sent in the background: a slow or failing mail server never fails or delays the request.
 */
@Singleton
public class LinkDelivery {

    /** Channel: the server log. */
    public static final String LOG_CHANNEL = "log";

    /** Channel: mail to the owner. */
    public static final String MAIL_CHANNEL = "mail";

    private static final Logger LOG = Logger.getLogger(LinkDelivery.class);

    private final OwnerMail mail;

    public LinkDelivery(OwnerMail mail) {
        this.mail = mail;
    }

    /** Delivers {@code link}; returns the channels it went to. */
    public List<String> deliver(VerificationLink link) {
        Device device = link.device();
        LOG.infof(
                "verification link for device \"%s\" (%s, id %s) of client %s, valid once until %s: %s",
                device.name(), device.kind(), device.id(), link.clientId(), link.expires(), link.url());
        if (!mail.configured()) {
            return List.of(LOG_CHANNEL);
        }
        mail.send("Verify the device \"" + device.name() + "\" of " + link.clientId(), text(link));
        return List.of(LOG_CHANNEL, MAIL_CHANNEL);
    }

    private static String text(VerificationLink link) {
        Device device = link.device();
        return "A device asks to be verified as one of yours:\n\n"
                + "  Device:      " + device.name() + "\n"
                + "  Kind:        " + device.kind() + "\n"
                + "  Fingerprint: " + new DeviceFingerprint(device.fingerprint()).pairs() + "\n"
                + "  Client:      " + link.clientId() + "\n\n"
                + "If it is yours, open this link on a device you trust and press the button:\n\n"
                + "  " + link.url() + "\n\n"
                + "The link works once, until " + link.expires() + ". If you did not add this device, do not open"
                + " the link: remove the device instead.\n";
    }
}
