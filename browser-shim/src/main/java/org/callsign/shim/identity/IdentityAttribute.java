package org.callsign.shim.identity;

import static org.callsign.shim.identity.StrictJson.malformed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;

/**
 * The value of the session-level {@code a=identity} attribute (RFC 8827 §7.4.1): the base64 encoding of the UTF-8
 * JSON object {@code {"idp":{"domain":…,"protocol":…},"assertion":…}}.
 *
 * <p>{@link #decode} is strict, since the value arrives from the other party through servers neither side
 * controls: at most {@value #MAX_ATTRIBUTE_LENGTH} characters; base64 with the standard alphabet of RFC 4648 §4,
 * padding required and in canonical form (no whitespace, no URL-safe alphabet, zero padding bits); well-formed
 * UTF-8; one JSON object without duplicate member names, nested at most 16 deep. Members other than {@code idp}
 * and {@code assertion} are ignored. The optional identity extensions that RFC 8827 §7.4.1 allows after a space
 * are not supported: the space is refused like any other whitespace. Every failure is
 * {@link IdentityError#IDENTITY_MALFORMED}.
 *
 * @param idp the identity provider that issued the assertion
 * @param assertion the assertion, opaque here: only the IdP's proxy script interprets it
 */
public record IdentityAttribute(IdpConfig idp, String assertion) {
    /** The longest attribute value accepted: room for an ES256 JWS with a few fingerprints. */
    public static final int MAX_ATTRIBUTE_LENGTH = 6144;

    private static final String REJECTED = "a=identity rejected";
    private static final String BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public IdentityAttribute {
        if (idp == null) {
            throw new IllegalArgumentException("IdP is missing");
        }
        if (assertion == null || assertion.isEmpty()) {
            throw new IllegalArgumentException("assertion is missing");
        }
    }

    /**
     * Decodes an {@code a=identity} value.
     *
     * @throws IdentityException {@link IdentityError#IDENTITY_MALFORMED}, with a message such as
     *     {@code a=identity rejected: not valid base64 (whitespace at offset 12)}
     */
    public static IdentityAttribute decode(String attributeValue) throws IdentityException {
        String json = utf8(base64(attributeValue));
        ObjectNode root = StrictJson.readObject(json, REJECTED);
        JsonNode idp = root.get("idp");
        if (idp == null || !idp.isObject()) {
            throw malformed(REJECTED + ": idp missing or not an object");
        }
        String domain = StrictJson.string(idp, "domain", "idp.domain", REJECTED);
        String protocol = StrictJson.string(idp, "protocol", "idp.protocol", REJECTED);
        String assertion = StrictJson.string(root, "assertion", "assertion", REJECTED);
        return new IdentityAttribute(new IdpConfig(domain, protocol), assertion);
    }

    /** The attribute value: base64 (with padding) of compact JSON, members in the order idp{domain, protocol}, assertion. */
    public String encode() {
        ObjectNode root = StrictJson.object();
        root.putObject("idp").put("domain", idp.domain()).put("protocol", idp.protocol());
        root.put("assertion", assertion);
        return Base64.getEncoder().encodeToString(StrictJson.write(root).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] base64(String value) throws IdentityException {
        if (value == null || value.isEmpty()) {
            throw malformed(REJECTED + ": empty");
        }
        if (value.length() > MAX_ATTRIBUTE_LENGTH) {
            throw malformed(REJECTED + ": longer than " + MAX_ATTRIBUTE_LENGTH + " characters");
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw notBase64("whitespace at offset " + i);
            }
            if (c == '-' || c == '_') {
                throw notBase64("URL-safe alphabet character '" + c + "' at offset " + i);
            }
            if (c != '=' && BASE64_ALPHABET.indexOf(c) < 0) {
                throw notBase64(String.format(Locale.ROOT, "character U+%04X at offset %d", (int) c, i));
            }
        }
        int padding = value.indexOf('=');
        if (padding >= 0 && padding < length - 2 || padding == length - 2 && value.charAt(length - 1) != '=') {
            throw notBase64("padding '=' at offset " + padding + " before the end");
        }
        if (length % 4 != 0) {
            throw notBase64("length " + length + " is not a multiple of 4; padding is required");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw notBase64("malformed");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(value)) {
            throw notBase64("padding bits are not zero");
        }
        return bytes;
    }

    private static IdentityException notBase64(String detail) {
        return malformed(REJECTED + ": not valid base64 (" + detail + ")");
    }

    private static String utf8(byte[] bytes) throws IdentityException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(REJECTED + ": not UTF-8");
        }
    }
}
