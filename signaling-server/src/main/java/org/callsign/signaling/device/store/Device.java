package org.callsign.signaling.device.store;

import java.time.Instant;

/**
 * One of a client's devices, as peerbook keeps its peers: a name and kind for people, and the DTLS certificate
 * fingerprint that the device's offers must carry (anti-masquerading, RFC 8122 §5).
 *
 * @param id random identifier, the target of signaling messages
 * @param name a name for people, such as {@code Kitchen laptop}
 * @param kind what the device is, such as {@code browser} or {@code webexec}
 * @param fingerprint the certificate fingerprint: upper-case hex without colons, as webexec and peerbook write it
 * @param verified whether the client vouches for the device; only verified devices take part in signaling
 * @param created when it was registered
 */
public record Device(String id, String name, String kind, String fingerprint, boolean verified, Instant created) {

    /** This device with a new name, kind and fingerprint. */
    public Device withDetails(String newName, String newKind, String newFingerprint) {
        return new Device(id, newName, newKind, newFingerprint, verified, created);
    }

    /** This device, verified or not. */
    public Device withVerified(boolean newVerified) {
        return new Device(id, name, kind, fingerprint, newVerified, created);
    }
}
