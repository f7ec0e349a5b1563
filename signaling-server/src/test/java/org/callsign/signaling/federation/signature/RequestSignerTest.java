package org.callsign.signaling.federation.signature;

import static org.callsign.signaling.federation.signature.FederationFixture.BODY;
import static org.callsign.signaling.federation.signature.FederationFixture.INVITES;
import static org.callsign.signaling.federation.signature.FederationFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The header and claims {@link RequestSigner} writes, exactly as docs/federation.md lists them. */
class RequestSignerTest {

    private final FederationFixture servers = new FederationFixture();

    @Test
    void writesExactlyTheDocumentedHeader() throws Exception {
        SignedJWT jws = SignedJWT.parse(servers.signer.sign("POST", INVITES, BODY));

        Map<String, Object> header = jws.getHeader().toJSONObject();

        assertEquals(Map.of("alg", "ES256", "typ", "callsign-federation+jwt", "kid", servers.senderKeys.kid()), header);
    }

    @Test
    void writesExactlyTheDocumentedClaims() throws Exception {
        SignedJWT jws = SignedJWT.parse(servers.signer.sign("POST", INVITES, BODY));
        Map<String, Object> claims = JSONObjectUtils.parse(jws.getPayload().toString());

        assertEquals(Set.of("iss", "aud", "htm", "htu", "iat", "exp", "jti", "digest"), claims.keySet());
        assertEquals("https://sig-a.example", claims.get("iss"));
        assertEquals("https://sig-b.example", claims.get("aud"));
        assertEquals("POST", claims.get("htm"));
        assertEquals("https://sig-b.example/federation/v1/invites", claims.get("htu"));
        assertEquals(NOW.getEpochSecond(), claims.get("iat"));
        assertEquals(NOW.getEpochSecond() + 60, claims.get("exp"));
        assertTrue(((String) claims.get("jti")).matches("[A-Za-z0-9_-]{22}"), "jti " + claims.get("jti"));
        assertTrue(jws.verify(new ECDSAVerifier(servers.senderKeys.signingKey().toPublicJWK())));
    }

    @Test
    void digestIsUnpaddedBase64urlSha256OfTheBody() throws Exception {
        // SHA-256 of the empty string, RFC 6234 test vector, in base64url.
        String empty = servers.signer.sign("POST", INVITES, new byte[0]);

        assertEquals(
                "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU",
                SignedJWT.parse(empty).getJWTClaimsSet().getStringClaim("digest"));
    }

    @Test
    void drawsANewJtiForEveryRequest() throws Exception {
        String first = SignedJWT.parse(servers.signer.sign("POST", INVITES, BODY))
                .getJWTClaimsSet()
                .getJWTID();
        String second = SignedJWT.parse(servers.signer.sign("POST", INVITES, BODY))
                .getJWTClaimsSet()
                .getJWTID();

        assertNotEquals(first, second);
    }

    @ParameterizedTest(name = "{0} → aud {1}, htu {2}")
    @CsvSource({
        "https://sig-b.example/federation/v1/invites?x=1#f, https://sig-b.example, https://sig-b.example/federation/v1/invites",
        "https://SIG-B.Example:443/federation/v1/invites,   https://sig-b.example, https://sig-b.example/federation/v1/invites",
        "HTTPS://sig-b.example:8443/a%2Fb,                  https://sig-b.example:8443, https://sig-b.example:8443/a%2Fb",
        "https://sig-b.example,                             https://sig-b.example, https://sig-b.example/",
        "http://localhost:80/federation/v1/invites,         http://localhost, http://localhost/federation/v1/invites"
    })
    void namesTheTargetByItsOriginAndPath(String target, String aud, String htu) throws Exception {
        SignedJWT jws = SignedJWT.parse(servers.signer.sign("POST", URI.create(target), BODY));
        Map<String, Object> claims = JSONObjectUtils.parse(jws.getPayload().toString());

        assertEquals(aud, claims.get("aud"));
        assertEquals(htu, claims.get("htu"));
    }

    @Test
    void refusesAnOwnOriginThatIsNotAnOrigin() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new RequestSigner("https://sig-a.example/", servers.senderKeys, servers.clock));

        assertEquals(
                "own origin https://sig-a.example/ is not an origin (http or https, host, port unless the default;"
                        + " lower case; nothing else)",
                e.getMessage());
    }

    @Test
    void refusesARelativeTarget() {
        assertThrows(
                IllegalArgumentException.class,
                () -> servers.signer.sign("POST", URI.create("/federation/v1/invites"), BODY));
    }

    @Test
    void refusesAMethodThatIsNotAToken() {
        assertThrows(IllegalArgumentException.class, () -> servers.signer.sign("PO ST", INVITES, BODY));
    }
}
