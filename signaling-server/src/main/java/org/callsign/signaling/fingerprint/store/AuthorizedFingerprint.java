package org.callsign.signaling.fingerprint.store;

import java.time.Instant;

/**
 * A fingerprint the owner authorised (webexec's {@code authorized_fingerprints}): a device presenting it in its SDP may
 * connect without client credentials.
 *
 * @param fingerprint upper-case hex without colons
 * @param label the text after the fingerprint on its line, or empty
 * @param added when it was first seen in the file or added through the API
 */
public record AuthorizedFingerprint(String fingerprint, String label, Instant added) {}
