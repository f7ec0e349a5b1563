package org.callsign.shim.sdp;

import java.util.List;
import java.util.Optional;

/**
 * A media description (RFC 8866 §5.14): its {@code m=} line and every line up to the next {@code m=} line, kept
 * as written.
 *
 * @param lines the lines, the first an {@code m=} line
 */
public record MediaDescription(List<SdpLine> lines) {
    public MediaDescription {
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.get(0).type() != SdpLine.MEDIA) {
            throw new IllegalArgumentException("a media description starts with an m= line");
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).type() == SdpLine.MEDIA) {
                throw new IllegalArgumentException("a media description holds one m= line");
            }
        }
    }

    /** The media type, the first field of {@code m=<media> <port> <proto> <fmt> ...}: {@code audio}, {@code application}. */
    public String media() {
        return field(0);
    }

    /** The transport protocol, the third field of the {@code m=} line: {@code UDP/TLS/RTP/SAVPF}; empty if absent. */
    public String proto() {
        return field(2);
    }

    /** The value of the first {@code a=mid} (RFC 5888 §4), which names the section in {@code a=group:BUNDLE}. */
    public Optional<String> mid() {
        return attributeValues("mid").stream().findFirst();
    }

    /** The values of every {@code a=<name>} line, in order; attribute names matched ignoring ASCII case. */
    public List<String> attributeValues(String name) {
        return SdpLine.attributeValues(lines, name);
    }

    private String field(int index) {
        String[] fields = lines.get(0).value().split(" ", -1);
        return index < fields.length ? fields[index] : "";
    }

    /** The lines, each ended by CRLF. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (SdpLine line : lines) {
            out.append(line).append("\r\n");
        }
        return out.toString();
    }
}
