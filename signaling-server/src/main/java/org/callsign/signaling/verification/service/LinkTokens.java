package org.callsign.signaling.verification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;

/**
 * The token of a verification link: {@code base64url(JSON claims) "." base64url(HMAC-SHA256(key, first part))}, the
 * shape of a JWS without its header, since the algorithm is fixed (no algorithm to confuse). The signature is checked,
 * in constant time, before the claims are read; anything else is {@code link-invalid}, and no message quotes the token.
 */
public final class LinkTokens {

    /** The longest token looked at. */
    public static final int MAX_LENGTH = 1024;

    /** The shortest signing key accepted (the HMAC-SHA256 output size). */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final byte[] key;

    public LinkTokens(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a link signing key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** The token of {@code claims}. */
    public String sign(LinkClaims claims) {
        try {
            String payload = encode(JSON.writeValueAsBytes(claims));
            return payload + "." + encode(hmac(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode link claims", e);
        }
    }

    /** The claims of a token signed with this key; {@code link-invalid} for anything else. */
    public LinkClaims verify(String token) {
        if (token == null
                || token.length() > MAX_LENGTH
                || !SHAPE.matcher(token).matches()) {
            throw invalid("verification link is malformed");
        }
        int dot = token.indexOf('.');
        String payload = token.substring(0, dot);
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        if (!MessageDigest.isEqual(signature, hmac(payload))) {
            throw invalid("verification link is not signed by this server");
        }
        LinkClaims claims;
        try {
            claims = JSON.readValue(Base64.getUrlDecoder().decode(payload), LinkClaims.class);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("verification link is malformed");
        }
        if (claims.v() != LinkClaims.VERSION || !claims.complete()) {
            throw invalid("verification link is of an unknown format");
        }
        return claims;
    }

    private byte[] hmac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.LINK_INVALID, message);
    }
}
