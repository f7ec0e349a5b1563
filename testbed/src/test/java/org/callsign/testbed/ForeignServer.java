package org.callsign.testbed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * Another signaling server as the testbed's servers meet it over federation (docs/federation.md): an origin, an ES256
 * key it holds, the {@code /.well-known/callsign} document that publishes that key, and requests signed with
 * {@code Callsign-Signature} as the contract describes — written here with Nimbus JOSE directly, as a foreign
 * implementation would, not with signaling-server's own signer. The document must be served at the origin (an extra
 * host of the testbed) for its signatures to verify.
 */
public final class ForeignServer {
    /** The request header that carries the signature. */
    public static final String SIGNATURE_HEADER = "Callsign-Signature";

    /** The protected header's {@code typ}. */
    public static final String TYPE = "callsign-federation+jwt";

    /** The {@code exp − iat} of the signatures made here, the longest the contract allows. */
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    private final String origin;
    private final ECKey key;

    private ForeignServer(String origin, ECKey key) {
        this.origin = origin;
        this.key = key;
    }

    /** A server at {@code origin} ({@code https://evil.test}) with a fresh P-256 key, its kid the RFC 7638 thumbprint. */
    public static ForeignServer create(String origin) {
        return new ForeignServer(origin, newKey());
    }

    /** A fresh P-256 signing key whose kid is its thumbprint: a key no document publishes. */
    public static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a P-256 key", e);
        }
    }

    public String origin() {
        return origin;
    }

    public String kid() {
        return key.getKeyID();
    }

    /** The server document: {@code server}, protocols, WebSocket URL and the federation endpoint with the public key. */
    public String document() {
        ObjectNode document = ApiClient.JSON.createObjectNode();
        document.put("server", origin);
        document.putArray("protocols").add("callsign.v1");
        document.put("websocket", "wss" + origin.substring("https".length()) + "/ws");
        ObjectNode federation = document.putObject("federation");
        federation.put("endpoint", origin + "/federation/v1");
        federation.set("keys", ApiClient.JSON.valueToTree(new JWKSet(key.toPublicJWK()).toJSONObject(true)));
        try {
            return ApiClient.JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This server's signature of {@code POST target} with {@code body}, for the receiver at {@code aud}, now. */
    public String sign(String aud, String target, byte[] body) {
        return sign(key, key.getKeyID(), origin, aud, target, body);
    }

    /**
     * A {@code Callsign-Signature} made with {@code signingKey} under the key id {@code kid}, claiming to be from
     * {@code iss}: the forger's tool when {@code kid} names a key of another server's document.
     */
    public static String sign(ECKey signingKey, String kid, String iss, String aud, String target, byte[] body) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(iss)
                .audience(aud)
                .claim("htm", "POST")
                .claim("htu", target)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(TwoDomains.random(16))
                .claim("digest", digest(body))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(TYPE))
                .keyID(kid)
                .build();
        SignedJWT jws = new SignedJWT(header, claims);
        try {
            jws.sign(new ECDSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign", e);
        }
        return jws.serialize();
    }

    /** base64url (no padding) of SHA-256 over {@code body}: the {@code digest} claim. */
    public static String digest(byte[] body) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of {@code POST /federation/v1/invites}: call id, callee and offer. */
    public static byte[] invite(String call, String to, String sdp) {
        return json(Map.of("call", call, "to", to, "sdp", sdp));
    }

    /** {@code value} as JSON bytes. */
    public static byte[] json(Object value) {
        try {
            return ApiClient.JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Sends {@code body} as {@code POST base+path} (by IP; {@code http} trusts the testbed's CA) with
     * {@code signature} in {@code Callsign-Signature}, or without the header when it is {@code null}.
     */
    public static ApiClient.Response post(HttpClient http, URI base, String path, byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(ApiClient.TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(SIGNATURE_HEADER, signature);
        }
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiClient.Response("POST " + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
