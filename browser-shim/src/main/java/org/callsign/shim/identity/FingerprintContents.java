package org.callsign.shim.identity;

import static org.callsign.shim.identity.StrictJson.malformed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sdp.DtlsFingerprint;
import org.callsign.shim.sdp.SdpException;

/**
 * The {@code contents} that an IdP signs (RFC 8827 §7.4): the JSON object
 * {@code {"fingerprint":[{"algorithm":"sha-256","digest":"AB:…"}, …]}} listing the DTLS certificate fingerprints
 * of a session description. The assertion binds an identity to exactly this string, and a relying party accepts
 * the identity only if every {@code a=fingerprint} of the SDP, at session and media level, is listed here.
 *
 * @param fingerprints the fingerprints, in the order they are written; never empty
 */
public record FingerprintContents(List<DtlsFingerprint> fingerprints) {
    /** The longest {@code contents} accepted by {@link #parse}; it travels inside an {@code a=identity} value. */
    public static final int MAX_JSON_LENGTH = IdentityAttribute.MAX_ATTRIBUTE_LENGTH;

    private static final String REJECTED = "contents rejected";

    /** @throws IllegalArgumentException if there are no fingerprints: empty contents would bind nothing */
    public FingerprintContents {
        fingerprints = List.copyOf(fingerprints);
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("contents must list at least one fingerprint");
        }
    }

    /** The contents listing {@code fingerprints}, in the given order. */
    public static FingerprintContents of(Collection<DtlsFingerprint> fingerprints) {
        return new FingerprintContents(List.copyOf(fingerprints));
    }

    /**
     * The compact JSON an IdP signs; deterministic: entries in order, each {@code algorithm} then {@code digest},
     * in normal form (lower-case hash function, upper-case digest).
     */
    public String json() {
        ObjectNode root = StrictJson.object();
        ArrayNode list = root.putArray("fingerprint");
        for (DtlsFingerprint fingerprint : fingerprints) {
            list.addObject().put("algorithm", fingerprint.algorithm()).put("digest", fingerprint.digest());
        }
        return StrictJson.write(root);
    }

    /**
     * Parses contents as a validated assertion returns them: an object whose {@code fingerprint} member is a
     * non-empty array of objects with string {@code algorithm} and {@code digest}, each acceptable to
     * {@link DtlsFingerprint#of} (so compared without regard to case). Other members are ignored.
     *
     * @throws IdentityException {@link IdentityError#IDENTITY_MALFORMED}, with a message such as
     *     {@code contents rejected: fingerprint[0].digest missing or not a string}
     */
    public static FingerprintContents parse(String json) throws IdentityException {
        if (json == null || json.isEmpty()) {
            throw malformed(REJECTED + ": empty");
        }
        if (json.length() > MAX_JSON_LENGTH) {
            throw malformed(REJECTED + ": longer than " + MAX_JSON_LENGTH + " characters");
        }
        JsonNode list = StrictJson.readObject(json, REJECTED).get("fingerprint");
        if (list == null || !list.isArray()) {
            throw malformed(REJECTED + ": fingerprint missing or not an array");
        }
        if (list.isEmpty()) {
            throw malformed(REJECTED + ": fingerprint array is empty");
        }
        List<DtlsFingerprint> fingerprints = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "fingerprint[" + i + "]";
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                throw malformed(REJECTED + ": " + path + " is not an object");
            }
            String algorithm = StrictJson.string(entry, "algorithm", path + ".algorithm", REJECTED);
            String digest = StrictJson.string(entry, "digest", path + ".digest", REJECTED);
            try {
                fingerprints.add(DtlsFingerprint.of(algorithm, digest));
            } catch (SdpException e) {
                throw malformed(REJECTED + ": " + path + ": " + e.getMessage());
            }
        }
        return new FingerprintContents(fingerprints);
    }

    /**
     * The fingerprints of {@code sdpFingerprints} that these contents do not list, each once, in the given order;
     * empty when all are covered. Contents may list more fingerprints than the SDP has (RFC 8827 §7.4 asks only
     * that every fingerprint of the SDP be covered).
     */
    public List<DtlsFingerprint> uncovered(Collection<DtlsFingerprint> sdpFingerprints) {
        Set<DtlsFingerprint> listed = Set.copyOf(fingerprints);
        return sdpFingerprints.stream()
                .filter(fingerprint -> !listed.contains(fingerprint))
                .distinct()
                .toList();
    }
}
