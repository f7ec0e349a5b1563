package org.callsign.shim.sandbox;

import java.nio.ByteOrder;
import org.graalvm.polyglot.Value;

/**
 * The realm's {@code Uint8Array.fromBase64} and {@code Uint8Array.prototype.toBase64} (ECMAScript 2026, "Uint8Array
 * to/from base64", which Firefox, Safari and Chromium ship), done by the host: a proxy script decodes the parts of a
 * JWS with them instead of a loop over characters, which GraalJS's interpreter runs slowly. The decoder follows the
 * proposal's algorithm: ASCII whitespace is skipped; {@code alphabet} is {@code base64} or {@code base64url};
 * {@code lastChunkHandling} is {@code loose} (padding optional, stray bits ignored), {@code strict} (padding required,
 * stray bits zero) or {@code stop-before-partial} (an unpadded partial chunk at the end is left undecoded).
 */
final class HostBase64Arrays {
    static final String LOOSE = "loose";
    static final String STRICT = "strict";
    static final String STOP_BEFORE_PARTIAL = "stop-before-partial";

    private static final String STANDARD = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private HostBase64Arrays() {}

    /** The bytes {@code text} encodes, or {@code null} where the proposal throws a {@code SyntaxError}. */
    static byte[] decode(String text, boolean url, String lastChunkHandling) {
        if (text.length() > HostBase64.MAX_CHARS) {
            throw new SandboxFault("input larger than " + HostBase64.MAX_CHARS + " characters");
        }
        StringBuilder data = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != ' ') {
                data.append(c);
            }
        }
        int padding = 0;
        while (padding < data.length() && data.charAt(data.length() - 1 - padding) == '=') {
            padding++;
        }
        int length = data.length() - padding;
        int partial = length % 4;
        if (padding > 2 || padding > 0 && (partial == 0 || partial + padding != 4)) {
            return null;
        }
        if (padding == 0 && partial != 0) {
            if (lastChunkHandling.equals(STRICT)) {
                return null;
            }
            if (lastChunkHandling.equals(STOP_BEFORE_PARTIAL)) {
                length -= partial;
                partial = 0;
            }
        }
        if (partial == 1) {
            return null;
        }
        String alphabet = url ? URL : STANDARD;
        byte[] out = new byte[length / 4 * 3 + (partial == 0 ? 0 : partial - 1)];
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; i < length; i++) {
            int sextet = alphabet.indexOf(data.charAt(i));
            if (sextet < 0) {
                return null;
            }
            buffer = (buffer << 6) | sextet;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[written++] = (byte) (buffer >> bits);
            }
        }
        if (lastChunkHandling.equals(STRICT) && (buffer & ((1 << bits) - 1)) != 0) {
            return null;
        }
        return out;
    }

    /** The length {@link #decode} gives, or -1 where it gives {@code null}. */
    static int decodedLength(String text, boolean url, String lastChunkHandling) {
        byte[] bytes = decode(text, url, lastChunkHandling);
        return bytes == null ? -1 : bytes.length;
    }

    /** Decodes {@code text} into the guest {@code ArrayBuffer}, which has the {@link #decodedLength}. */
    static void decodeInto(String text, boolean url, String lastChunkHandling, Value buffer) {
        byte[] bytes = decode(text, url, lastChunkHandling);
        if (bytes == null || !buffer.hasBufferElements() || buffer.getBufferSize() != bytes.length) {
            throw new SandboxFault("invalid arguments");
        }
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long word = 0;
            for (int j = Long.BYTES - 1; j >= 0; j--) {
                word = (word << 8) | (bytes[i + j] & 0xff);
            }
            buffer.writeBufferLong(ByteOrder.LITTLE_ENDIAN, i, word);
        }
        for (; i < bytes.length; i++) {
            buffer.writeBufferByte(i, bytes[i]);
        }
    }

    /** Base64 of {@code length} bytes of a guest {@code ArrayBuffer} from {@code offset}, in the alphabet asked. */
    static String encode(Value buffer, long offset, long length, boolean url, boolean omitPadding) {
        String standard = HostBase64.encodeBuffer(buffer, offset, length);
        String encoded = url ? standard.replace('+', '-').replace('/', '_') : standard;
        return omitPadding ? encoded.replaceAll("=+$", "") : encoded;
    }
}
