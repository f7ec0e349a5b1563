package org.callsign.signaling.federation.signature;

import static org.callsign.signaling.federation.signature.FederationAuthException.quote;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A {@code Callsign-Signature} value taken apart, its signature not yet checked: the compact JWS and the claims it
 * must carry, each of its type and form. Anything else is {@link FederationAuthFailure#SIGNATURE_MALFORMED}.
 */
record SignedRequest(
        JWSObject jws,
        String kid,
        String iss,
        String aud,
        String htm,
        String htu,
        long iat,
        long exp,
        String jti,
        String digest) {

    /** Three base64url parts; the signature is ES256's 64 bytes (RFC 7518 §3.4), 86 characters. */
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{86}");

    /** At least 128 bits (22 characters), and not so long that the replay cache fills with it. */
    private static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    /** SHA-256, base64url without padding. */
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final Set<String> HEADER_PARAMETERS = Set.of("alg", "typ", "kid");

    /** 9999-12-31T23:59:59Z: later times, and negative ones, are not real request times. */
    private static final long MAX_SECONDS = 253_402_300_799L;

    static SignedRequest parse(String value, boolean allowHttp) throws FederationAuthException {
        if (value.length() > FederationJws.MAX_HEADER_LENGTH) {
            throw malformed("is " + value.length() + " characters, more than " + FederationJws.MAX_HEADER_LENGTH);
        }
        if (!COMPACT.matcher(value).matches()) {
            throw malformed("is not a compact ES256 JWS (three base64url parts, a 64-byte signature)");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(value);
        } catch (ParseException e) {
            throw malformed("has an unusable JOSE header (" + quote(e.getMessage()) + ")");
        }
        JWSHeader header = jws.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw malformed("alg " + quote(header.getAlgorithm().getName()) + " is not ES256");
        }
        if (header.getType() == null) {
            throw malformed("typ is missing");
        }
        if (!FederationJws.TYPE.equals(header.getType().getType())) {
            throw malformed("typ " + quote(header.getType().getType()) + " is not " + FederationJws.TYPE);
        }
        Set<String> parameters = new TreeSet<>(header.getIncludedParams());
        if (!HEADER_PARAMETERS.equals(parameters)) {
            throw malformed("header has parameters " + quote(String.join(",", parameters)) + ", not alg, kid, typ");
        }
        if (header.getKeyID().isEmpty()) {
            throw malformed("kid is empty");
        }
        Map<String, Object> claims = claims(jws.getParsedParts()[1]);
        String iss = string(claims, FederationJws.ISS);
        if (!Origins.isOrigin(iss, allowHttp)) {
            throw malformed("iss " + quote(iss) + " is not an " + (allowHttp ? "http(s)" : "https") + " origin");
        }
        String jti = string(claims, FederationJws.JTI);
        if (!JTI.matcher(jti).matches()) {
            throw malformed("jti " + quote(jti) + " is not 22 to 64 base64url characters");
        }
        String digest = string(claims, FederationJws.DIGEST);
        if (!DIGEST.matcher(digest).matches()) {
            throw malformed("digest " + quote(digest) + " is not a base64url SHA-256");
        }
        return new SignedRequest(
                jws,
                header.getKeyID(),
                iss,
                string(claims, FederationJws.AUD),
                string(claims, FederationJws.HTM),
                string(claims, FederationJws.HTU),
                seconds(claims, FederationJws.IAT),
                seconds(claims, FederationJws.EXP),
                jti,
                digest);
    }

    /** The {@code iss} claim of {@code value}, without checking anything else; empty for anything unreadable. */
    static Optional<String> claimedIssuer(String value) {
        if (value == null
                || value.length() > FederationJws.MAX_HEADER_LENGTH
                || !COMPACT.matcher(value).matches()) {
            return Optional.empty();
        }
        int start = value.indexOf('.') + 1;
        try {
            Object iss = claims(new Base64URL(value.substring(start, value.indexOf('.', start))))
                    .get(FederationJws.ISS);
            return iss instanceof String origin && Origins.isOrigin(origin, true)
                    ? Optional.of(origin)
                    : Optional.empty();
        } catch (FederationAuthException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> claims(Base64URL payload) throws FederationAuthException {
        try {
            return JSONObjectUtils.parse(new String(payload.decode(), StandardCharsets.UTF_8));
        } catch (ParseException | RuntimeException e) {
            throw malformed("payload is not a JSON object");
        }
    }

    private static String string(Map<String, Object> claims, String name) throws FederationAuthException {
        Object value = claims.get(name);
        if (!(value instanceof String string)) {
            throw malformed(name + (value == null ? " is missing" : " is not a string"));
        }
        return string;
    }

    private static long seconds(Map<String, Object> claims, String name) throws FederationAuthException {
        Object value = claims.get(name);
        if (!(value instanceof Long seconds)) {
            throw malformed(name + (value == null ? " is missing" : " is not a whole number of seconds"));
        }
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw malformed(name + " " + seconds + " is out of range");
        }
        return seconds;
    }

    private static FederationAuthException malformed(String problem) {
        return new FederationAuthException(FederationAuthFailure.SIGNATURE_MALFORMED, "Callsign-Signature " + problem);
    }
}
