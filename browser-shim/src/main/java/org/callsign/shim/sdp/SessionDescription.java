package org.callsign.shim.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A session description (RFC 8866): the session-level lines, then one {@link MediaDescription} per {@code m=}
 * line. Every line is kept as text, so unknown line types and attributes survive; typed accessors read the parts
 * that identity needs: {@code a=fingerprint} (RFC 8122 §5) and {@code a=identity} (RFC 8827 §7.4.1).
 *
 * <p>Tolerant in, strict out (RFC 8866 §5): {@link #parse(String)} accepts LF or CRLF line ends and a missing final
 * line end; {@link #toString()} ends every line with CRLF. A description that was written with CRLF is written back
 * exactly.
 *
 * @param sessionLines the session-level lines, from {@code v=0} to the line before the first {@code m=}
 * @param mediaDescriptions the media descriptions, in order
 */
public record SessionDescription(List<SdpLine> sessionLines, List<MediaDescription> mediaDescriptions) {
    /** The attribute that carries the DTLS certificate fingerprint (RFC 8122 §5). */
    public static final String FINGERPRINT = "fingerprint";

    /** The attribute that carries the identity assertion (RFC 8827 §7.4.1). */
    public static final String IDENTITY = "identity";

    public SessionDescription {
        sessionLines = List.copyOf(sessionLines);
        mediaDescriptions = List.copyOf(mediaDescriptions);
        if (sessionLines.isEmpty() || !sessionLines.get(0).toString().equals("v=0")) {
            throw new IllegalArgumentException("a session description starts with v=0");
        }
        if (sessionLines.stream().anyMatch(line -> line.type() == SdpLine.MEDIA)) {
            throw new IllegalArgumentException("an m= line starts a media description, not a session-level line");
        }
    }

    /** Parses {@code sdp} within {@link SdpLimits#DEFAULT}. */
    public static SessionDescription parse(String sdp) throws SdpException {
        return parse(sdp, SdpLimits.DEFAULT);
    }

    /**
     * Parses {@code sdp}: checks the limits, then every line's syntax; line types and attributes are not
     * interpreted here, so any that are unknown are kept.
     *
     * @throws SdpException naming the line and the rule it breaks
     */
    public static SessionDescription parse(String sdp, SdpLimits limits) throws SdpException {
        List<SdpLine> lines = SdpReader.read(sdp, limits);
        List<MediaDescription> media = new ArrayList<>();
        int end = lines.size();
        for (int i = end - 1; i > 0; i--) {
            if (lines.get(i).type() == SdpLine.MEDIA) {
                media.add(0, new MediaDescription(lines.subList(i, end)));
                end = i;
            }
        }
        return new SessionDescription(lines.subList(0, end), media);
    }

    /** Every line, session level first, in the order written; line {@code n} of the text is element {@code n - 1}. */
    public List<SdpLine> lines() {
        List<SdpLine> all = new ArrayList<>(sessionLines);
        mediaDescriptions.forEach(media -> all.addAll(media.lines()));
        return all;
    }

    /** The values of every session-level {@code a=<name>} line, in order; names matched ignoring ASCII case. */
    public List<String> attributeValues(String name) {
        return SdpLine.attributeValues(sessionLines, name);
    }

    /**
     * Every {@code a=fingerprint} at session and media level (RFC 8122 §5), each once, in order of first
     * appearance. These are what an identity assertion must cover (RFC 8827 §7.4).
     *
     * @throws SdpException if a fingerprint attribute is malformed, naming its line
     */
    public List<DtlsFingerprint> fingerprints() throws SdpException {
        Set<DtlsFingerprint> found = new LinkedHashSet<>();
        List<SdpLine> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            SdpLine line = lines.get(i);
            if (line.isAttribute(FINGERPRINT)) {
                try {
                    found.add(DtlsFingerprint.parse(line.attributeValue().orElseThrow()));
                } catch (SdpException e) {
                    throw new SdpException("SDP line " + (i + 1) + ": " + e.getMessage());
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * The value of the first session-level {@code a=identity}: the identity attribute is session-level only
     * (RFC 8827 §7.4.1), so one inside a media description is ignored.
     */
    public Optional<String> identity() {
        return attributeValues(IDENTITY).stream().findFirst();
    }

    /**
     * A copy whose session level has exactly one {@code a=identity:<value>}: where the first one was, or else
     * at the end of the session level, just before the first {@code m=} line. Other session-level identity
     * attributes are removed; media descriptions are left as they are.
     *
     * @throws IllegalArgumentException if {@code value} holds a line end or another control character
     */
    public SessionDescription withIdentity(String value) {
        SdpLine identity = SdpLine.attribute(IDENTITY, value);
        List<SdpLine> lines = new ArrayList<>();
        boolean placed = false;
        for (SdpLine line : sessionLines) {
            if (!line.isAttribute(IDENTITY)) {
                lines.add(line);
            } else if (!placed) {
                lines.add(identity);
                placed = true;
            }
        }
        if (!placed) {
            lines.add(identity);
        }
        return new SessionDescription(lines, mediaDescriptions);
    }

    /** A copy without session-level {@code a=identity} attributes; media descriptions are left as they are. */
    public SessionDescription withoutIdentity() {
        return new SessionDescription(
                sessionLines.stream()
                        .filter(line -> !line.isAttribute(IDENTITY))
                        .toList(),
                mediaDescriptions);
    }

    /** The description as SDP text, every line ended by CRLF (RFC 8866 §5). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (SdpLine line : sessionLines) {
            out.append(line).append("\r\n");
        }
        mediaDescriptions.forEach(out::append);
        return out.toString();
    }
}
