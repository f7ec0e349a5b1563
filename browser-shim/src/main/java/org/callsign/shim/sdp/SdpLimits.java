package org.callsign.shim.sdp;

/**
 * Size limits that {@link SessionDescription#parse(String, SdpLimits)} enforces before it trusts any content.
 * RFC 8866 sets no limits; these keep a hostile description from costing more than a real one.
 *
 * @param maxBytes the largest description, in UTF-8 bytes
 * @param maxLines the most lines
 * @param maxLineLength the longest line, in characters, line end excluded; an {@code a=identity} line carries a
 *     base64 JWS and can be a few kilobytes long
 */
public record SdpLimits(int maxBytes, int maxLines, int maxLineLength) {
    /** 64 KiB: a browser's offer with several media sections and candidates is a few KiB. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    public static final int DEFAULT_MAX_LINES = 2000;

    /** 8 KiB: room for an {@code a=identity} line at its own limit, with margin. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 8 * 1024;

    public static final SdpLimits DEFAULT =
            new SdpLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES, DEFAULT_MAX_LINE_LENGTH);

    public SdpLimits {
        if (maxBytes < 1 || maxLines < 1 || maxLineLength < 1) {
            throw new IllegalArgumentException(
                    "SDP limits must be positive: " + maxBytes + ", " + maxLines + ", " + maxLineLength);
        }
    }
}
