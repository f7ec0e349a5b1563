package org.callsign.shim.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.graalvm.polyglot.Value;

/**
 * The realm's {@code btoa}, {@code atob} and the byte encoding of its {@code crypto.subtle} arguments, done by the
 * host: in GraalJS's interpreter these loops cost more than the signature checks they feed. Semantics are the HTML
 * standard's (forgiving-base64 decode, §8.3 "Base64 utility methods"); the JavaScript side turns {@code null} into
 * the {@code InvalidCharacterError} a browser throws.
 */
final class HostBase64 {
    /** Longest input accepted, in characters; far above any assertion, key or token. */
    static final int MAX_CHARS = 4 * 1024 * 1024;

    private HostBase64() {}

    /** {@code btoa}: base64 of a string of code points up to U+00FF, or {@code null} if one is above. */
    static String btoa(String binary) {
        checkLength(binary);
        for (int i = 0; i < binary.length(); i++) {
            if (binary.charAt(i) > 0xff) {
                return null;
            }
        }
        return Base64.getEncoder().encodeToString(binary.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * {@code atob}: the forgiving-base64 decode of {@code text} as a binary string, or {@code null} on failure. It is
     * {@code Uint8Array.fromBase64}'s loose decoding of the standard alphabet (HostBase64Arrays).
     */
    static String atob(String text) {
        checkLength(text);
        byte[] bytes = HostBase64Arrays.decode(text, false, HostBase64Arrays.LOOSE);
        return bytes == null ? null : new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Base64 of {@code length} bytes of an {@code ArrayBuffer} from {@code offset}, read in one copy. */
    static String encodeBuffer(Value buffer, long offset, long length) {
        if (!buffer.hasBufferElements()) {
            throw new SandboxFault("expected an ArrayBuffer");
        }
        if (length > HostCrypto.MAX_DATA_BYTES) {
            throw new SandboxFault("data larger than " + HostCrypto.MAX_DATA_BYTES + " bytes");
        }
        if (offset < 0 || length < 0 || offset + length > buffer.getBufferSize()) {
            throw new SandboxFault("invalid arguments");
        }
        byte[] bytes = new byte[(int) length];
        buffer.readBuffer(offset, bytes, 0, bytes.length);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void checkLength(String value) {
        if (value.length() > MAX_CHARS) {
            throw new SandboxFault("input larger than " + MAX_CHARS + " characters");
        }
    }
}
