package org.callsign.signaling.fingerprint.service;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.callsign.shim.sdp.SdpException;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.fingerprint.service.FingerprintCheck.Outcome;
import org.callsign.signaling.fingerprint.store.AuthorizedFingerprint;
import org.callsign.signaling.fingerprint.store.AuthorizedFingerprintStore;
import org.jboss.logging.Logger;

/**
 * The owner's authorised fingerprints (webexec's {@code authorized_fingerprints}): a device whose SDP carries only
 * listed fingerprints may connect without client credentials.
 *
 * <p>The file is the source of truth, as in webexec: people and configuration management edit it, and an edit takes
 * effect at the next check (each check compares the file's size and modification time with what was last read). The
 * store holds its parsed copy, with when each fingerprint was first seen, for the API and for a later shared store.
 * The API edits the file first (atomic rename) and then the store, so a crash between the two is repaired by the next
 * check, where the file wins. A file that cannot be read leaves the last good copy in force, with a warning.
 */
@Singleton
@Startup
public class AuthorizedFingerprints {

    private static final Logger LOG = Logger.getLogger(AuthorizedFingerprints.class);

    /** What the file looked like when last read: its inode (an atomic rename makes a new one), time and size. */
    private record FileState(Object key, Instant modified, long size) {}

    private final Path file;
    private final AuthorizedFingerprintStore store;
    private final Clock clock;
    private volatile Set<DeviceFingerprint> authorized = Set.of();
    private FileState seen;

    public AuthorizedFingerprints(SignalingConfig config, AuthorizedFingerprintStore store, Clock clock) {
        this.file = config.fingerprintsFile();
        this.store = store;
        this.clock = clock;
        try {
            if (AuthorizedFingerprintsFile.read(file).isEmpty()) {
                AuthorizedFingerprintsFile.write(file, AuthorizedFingerprintsFile.HEADER);
                LOG.infof("created %s", file.toAbsolutePath().normalize());
            }
        } catch (IOException e) {
            LOG.warnf("cannot create %s: %s", file, e.getMessage());
        }
        refresh();
    }

    /** The file in use. */
    public Path file() {
        return file;
    }

    /** Every authorised fingerprint, as the file has it now. */
    public synchronized List<AuthorizedFingerprint> list() {
        refresh();
        return store.list();
    }

    /** Whether the fingerprint is authorised, as the file has it now. */
    public boolean isAuthorized(DeviceFingerprint fingerprint) {
        refresh();
        return authorized.contains(fingerprint);
    }

    /** Whether {@code sdp} may connect: it has fingerprints and every one of them is authorised. */
    public FingerprintCheck check(String sdp) {
        List<DeviceFingerprint> fingerprints;
        try {
            fingerprints = SdpFingerprints.of(sdp);
        } catch (SdpException e) {
            return new FingerprintCheck(Outcome.MALFORMED_SDP, List.of(), e.getMessage());
        }
        if (fingerprints.isEmpty()) {
            return new FingerprintCheck(Outcome.NO_FINGERPRINT, fingerprints, "SDP has no a=fingerprint");
        }
        refresh();
        Set<DeviceFingerprint> allowed = authorized;
        List<DeviceFingerprint> unknown =
                fingerprints.stream().filter(fp -> !allowed.contains(fp)).toList();
        return unknown.isEmpty()
                ? new FingerprintCheck(Outcome.AUTHORIZED, fingerprints, "every fingerprint is authorised")
                : new FingerprintCheck(
                        Outcome.NOT_AUTHORIZED, fingerprints, "fingerprint " + unknown.get(0) + " is not authorised");
    }

    /** Adds a fingerprint with a label; false if it was already listed (the file is then left as it is). */
    public synchronized boolean add(DeviceFingerprint fingerprint, String label) {
        refresh();
        if (authorized.contains(fingerprint)) {
            return false;
        }
        rewrite(AuthorizedFingerprintsFile.withAdded(currentText(), fingerprint, label));
        return true;
    }

    /** Removes every line of a fingerprint; false if it was not listed. */
    public synchronized boolean remove(DeviceFingerprint fingerprint) {
        refresh();
        if (!authorized.contains(fingerprint)) {
            return false;
        }
        rewrite(AuthorizedFingerprintsFile.withRemoved(currentText(), fingerprint));
        return true;
    }

    /** Reads the file again if it changed since it was last read. */
    synchronized void refresh() {
        FileState now = state();
        if (now.equals(seen)) {
            return;
        }
        try {
            String text = AuthorizedFingerprintsFile.read(file).orElse("");
            seen = now;
            load(text);
        } catch (IOException e) {
            LOG.warnf("cannot read %s, keeping the last %d fingerprints: %s", file, authorized.size(), e.getMessage());
        }
    }

    private void rewrite(String text) {
        try {
            AuthorizedFingerprintsFile.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        seen = state();
        load(text);
    }

    private void load(String text) {
        AuthorizedFingerprintsFile.Parsed parsed = AuthorizedFingerprintsFile.parse(text);
        parsed.problems().forEach(problem -> LOG.warnf("%s %s (line ignored)", file, problem));
        List<AuthorizedFingerprint> entries = parsed.entries().stream()
                .map(entry -> new AuthorizedFingerprint(
                        entry.fingerprint().hex(),
                        entry.label(),
                        store.find(entry.fingerprint().hex())
                                .map(AuthorizedFingerprint::added)
                                .orElse(clock.instant())))
                .toList();
        store.replaceAll(entries);
        authorized = parsed.entries().stream()
                .map(AuthorizedFingerprintsFile.Entry::fingerprint)
                .collect(Collectors.toUnmodifiableSet());
    }

    private String currentText() {
        try {
            return AuthorizedFingerprintsFile.read(file).orElse(AuthorizedFingerprintsFile.HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private FileState state() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileState(
                    attributes.fileKey(), attributes.lastModifiedTime().toInstant(), attributes.size());
        } catch (NoSuchFileException e) {
            return new FileState(null, Instant.EPOCH, -1);
        } catch (IOException e) {
            // Unreadable attributes: a state never seen before, so that the read is tried and reports the problem.
            return new FileState(new Object(), Instant.EPOCH, -1);
        }
    }
}
