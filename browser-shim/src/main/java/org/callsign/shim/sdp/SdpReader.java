package org.callsign.shim.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SDP text into checked lines (RFC 8866 §5): LF or CRLF line ends, the last line end optional, every line
 * {@code <type>=<value>} with a lower-case letter as type, the first line {@code v=0}. Limits are checked before
 * the content is.
 */
final class SdpReader {
    private SdpReader() {}

    static List<SdpLine> read(String sdp, SdpLimits limits) throws SdpException {
        if (sdp == null) {
            throw new SdpException("SDP is missing");
        }
        if (sdp.length() > limits.maxBytes() || SdpText.utf8Length(sdp) > limits.maxBytes()) {
            throw new SdpException("SDP larger than " + limits.maxBytes() + " bytes");
        }
        if (sdp.isEmpty()) {
            throw new SdpException("SDP is empty");
        }
        List<SdpLine> lines = new ArrayList<>();
        int start = 0;
        while (start < sdp.length()) {
            int newline = sdp.indexOf('\n', start);
            int end = newline < 0 ? sdp.length() : newline;
            if (newline > start && sdp.charAt(newline - 1) == '\r') {
                end--;
            }
            int number = lines.size() + 1;
            if (number > limits.maxLines()) {
                throw new SdpException("SDP has more than " + limits.maxLines() + " lines");
            }
            lines.add(line(number, sdp.substring(start, end), limits));
            start = newline < 0 ? sdp.length() : newline + 1;
        }
        return lines;
    }

    private static SdpLine line(int number, String text, SdpLimits limits) throws SdpException {
        if (text.length() > limits.maxLineLength()) {
            throw new SdpException("SDP line " + number + " longer than " + limits.maxLineLength() + " characters");
        }
        if (text.isEmpty()) {
            throw new SdpException("SDP line " + number + ": empty line");
        }
        int bad = SdpText.firstForbidden(text);
        if (bad >= 0) {
            throw new SdpException("SDP line " + number + ": " + SdpText.describe(text, bad));
        }
        char type = text.charAt(0);
        if (text.length() < 2 || type < 'a' || type > 'z' || text.charAt(1) != '=') {
            throw new SdpException("SDP line " + number + ": expected <type>=<value>, got " + SdpText.quote(text));
        }
        if (number == 1 && !text.equals("v=0")) {
            throw new SdpException("SDP line 1: must be v=0");
        }
        return new SdpLine(type, text.substring(2));
    }
}
