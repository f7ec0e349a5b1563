package org.callsign.signaling.verification.service;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.device.service.DeviceService;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.verification.store.VerificationLinkStore;
import org.jboss.logging.Logger;

/**
 * Device verification links, peerbook's short-lived link: a client's unverified device is verified by opening a link
 * on another device. A link is signed ({@link LinkTokens}, with a key generated on first start and kept in the store),
 * names the client, the device and its fingerprint, expires after {@code verification.link-lifetime}, and verifies
 * once. It fails if the device was removed or its fingerprint changed since. Links are delivered by
 * {@link LinkDelivery}.
 */
@Startup
@Singleton
public class VerificationLinkService {

    /** The path of a link, below the link base. */
    public static final String PATH = "/verify/";

    /** The shortest link lifetime. */
    public static final Duration MIN_LIFETIME = Duration.ofMinutes(1);

    /** The longest link lifetime: the link is a secret that may sit in logs and mailboxes. */
    public static final Duration MAX_LIFETIME = Duration.ofHours(24);

    private static final Logger LOG = Logger.getLogger(VerificationLinkService.class);

    private final VerificationLinkStore store;
    private final DeviceService devices;
    private final LinkDelivery delivery;
    private final Clock clock;
    private final LinkTokens tokens;
    private final LinkBase base;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public VerificationLinkService(
            VerificationLinkStore store,
            DeviceService devices,
            LinkDelivery delivery,
            SignalingConfig config,
            Clock clock) {
        this.store = store;
        this.devices = devices;
        this.delivery = delivery;
        this.clock = clock;
        this.lifetime = config.verification().linkLifetime();
        if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalStateException(
                    "callsign.signaling.verification.link-lifetime must be between 1m and 24h: " + lifetime);
        }
        this.base = new LinkBase(config.publicUrl());
        this.tokens = new LinkTokens(store.signingKey(() -> {
            LOG.info("verification link signing key generated and stored");
            return randomBytes(LinkTokens.MIN_KEY_BYTES);
        }));
    }

    /**
     * Makes a link for one of the client's unverified devices and delivers it; {@code not-found} for no such device,
     * {@code device-verified} if it is verified already.
     *
     * @param requestBase the base URI of the request, for links without a configured public URL
     * @return the link and how it was delivered
     */
    public Delivered issue(String clientId, String deviceId, URI requestBase) {
        Device device = devices.get(clientId, deviceId);
        if (device.verified()) {
            throw new ApiException(ApiError.DEVICE_VERIFIED, "device is verified already");
        }
        Instant expires = Instant.ofEpochSecond(clock.instant().plus(lifetime).getEpochSecond());
        LinkClaims claims = new LinkClaims(
                LinkClaims.VERSION,
                encode(randomBytes(16)),
                clientId,
                deviceId,
                LinkClaims.fingerprintDigest(device.fingerprint()),
                expires.getEpochSecond());
        String url = base.of(requestBase) + PATH + tokens.sign(claims);
        VerificationLink link = new VerificationLink(url, expires, clientId, device);
        return new Delivered(link, delivery.deliver(link));
    }

    /** The link of {@code token} if it can still verify its device; a typed error saying why not otherwise. */
    public PendingVerification open(String token) {
        LinkClaims claims = tokens.verify(token);
        if (!clock.instant().isBefore(claims.expires())) {
            throw new ApiException(ApiError.LINK_EXPIRED, "verification link has expired");
        }
        if (store.used(claims.id())) {
            throw used();
        }
        Device device = devices.find(claims.client(), claims.device())
                .orElseThrow(() -> new ApiException(ApiError.LINK_STALE, "the device of this link no longer exists"));
        if (!claims.names(device.fingerprint())) {
            throw fingerprintChanged();
        }
        return new PendingVerification(claims, device);
    }

    /**
     * Uses the link of {@code token}: verifies its device, once; a typed error saying why not otherwise.
     *
     * @return the link and the device, verified
     */
    public PendingVerification confirm(String token) {
        LinkClaims claims = open(token).claims();
        if (!store.markUsed(claims.id(), claims.expires(), clock.instant())) {
            throw used();
        }
        Device device = devices.verifyIf(
                        claims.client(), claims.device(), current -> claims.names(current.fingerprint()))
                .orElseThrow(VerificationLinkService::fingerprintChanged);
        LOG.infof("device %s (%s) of client %s verified through a link", device.id(), device.name(), claims.client());
        return new PendingVerification(claims, device);
    }

    /** The origin that forms posting a link back must come from, for a request to {@code requestBase}. */
    public String originFor(URI requestBase) {
        return base.originFor(requestBase);
    }

    /**
     * A link and where it went.
     *
     * @param link the link
     * @param channels {@link LinkDelivery#LOG}, and {@link LinkDelivery#MAIL} if it was handed to the mail sender
     */
    public record Delivered(VerificationLink link, List<String> channels) {}

    private static ApiException used() {
        return new ApiException(ApiError.LINK_USED, "verification link has been used already");
    }

    private static ApiException fingerprintChanged() {
        return new ApiException(ApiError.LINK_STALE, "the device's fingerprint changed since the link was made");
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
