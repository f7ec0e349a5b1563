package org.callsign.shim.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Edits a session description the way someone between the peers could, in the spirit of pion's tamper helpers:
 * each method returns an edited copy, so tests can check what verification catches. Line numbers are 1-based, as
 * in {@link SdpException} messages.
 */
public final class SdpTamper {
    private SdpTamper() {}

    /** Replaces the digest of the {@code index}-th {@code a=fingerprint} (0-based, in line order), keeping its hash function. */
    public static SessionDescription replaceFingerprintDigest(SessionDescription sdp, int index, String digest) {
        List<SdpLine> lines = sdp.lines();
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            SdpLine line = lines.get(i);
            if (line.isAttribute(SessionDescription.FINGERPRINT) && seen++ == index) {
                String value = line.attributeValue().orElseThrow().strip();
                String name = line.value().substring(0, line.value().indexOf(':'));
                String algorithm = value.substring(0, value.indexOf(' '));
                return replaceLine(sdp, i + 1, "a=" + name + ":" + algorithm + " " + digest);
            }
        }
        throw new IllegalArgumentException("no a=fingerprint number " + index);
    }

    /** Appends {@code a=fingerprint} to the {@code mediaIndex}-th media description (0-based). */
    public static SessionDescription addMediaFingerprint(
            SessionDescription sdp, int mediaIndex, DtlsFingerprint fingerprint) {
        int last = sdp.sessionLines().size();
        for (int i = 0; i <= mediaIndex; i++) {
            last += sdp.mediaDescriptions().get(i).lines().size();
        }
        return insertLine(sdp, last, "a=fingerprint:" + fingerprint.toAttributeValue());
    }

    /** Removes every {@code a=identity}, at session and media level. */
    public static SessionDescription dropIdentity(SessionDescription sdp) {
        return edit(sdp, lines -> lines.removeIf(line -> line.isAttribute(SessionDescription.IDENTITY)));
    }

    /** Repeats line {@code lineNumber} right after itself. */
    public static SessionDescription duplicateLine(SessionDescription sdp, int lineNumber) {
        return edit(sdp, lines -> lines.add(lineNumber, lines.get(lineNumber - 1)));
    }

    /** Puts {@code text} after line {@code afterLineNumber} (0 for first). */
    public static SessionDescription insertLine(SessionDescription sdp, int afterLineNumber, String text) {
        return edit(sdp, lines -> lines.add(afterLineNumber, line(text)));
    }

    /** Replaces line {@code lineNumber} with {@code text}. */
    public static SessionDescription replaceLine(SessionDescription sdp, int lineNumber, String text) {
        return edit(sdp, lines -> lines.set(lineNumber - 1, line(text)));
    }

    private static SdpLine line(String text) {
        if (text.length() < 2 || text.charAt(1) != '=') {
            throw new IllegalArgumentException("not <type>=<value>: " + text);
        }
        return new SdpLine(text.charAt(0), text.substring(2));
    }

    private static SessionDescription edit(SessionDescription sdp, Consumer<List<SdpLine>> change) {
        List<SdpLine> lines = new ArrayList<>(sdp.lines());
        change.accept(lines);
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append("\r\n"));
        try {
            return SessionDescription.parse(text.toString());
        } catch (SdpException e) {
            throw new IllegalArgumentException("tampered SDP does not parse: " + e.getMessage(), e);
        }
    }
}
