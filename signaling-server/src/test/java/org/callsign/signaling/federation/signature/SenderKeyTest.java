package org.callsign.signaling.federation.signature;

import static org.callsign.signaling.federation.signature.FederationAuthFailure.SENDER_UNKNOWN;
import static org.callsign.signaling.federation.signature.FederationAuthFailure.SIGNATURE_INVALID;
import static org.callsign.signaling.federation.signature.FederationFixture.BODY;
import static org.callsign.signaling.federation.signature.FederationFixture.INVITES;
import static org.callsign.signaling.federation.signature.FederationFixture.SENDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signatures by keys the sender does not publish, or publishes for something else: {@code sender-unknown} when the
 * document holds no usable key of that id, {@code signature-invalid} when it does and the signature is another key's.
 */
class SenderKeyTest {

    private final FederationFixture servers = new FederationFixture();

    private FederationAuthException refusal(String headerValue) {
        return assertThrows(FederationAuthException.class, () -> servers.verify(headerValue));
    }

    private FederationAuthFailure failure(String headerValue) {
        return refusal(headerValue).failure();
    }

    @Test
    void refusesAForgedSignatureUnderTheSendersKid() throws Exception {
        ECKey mallory =
                new ECKeyGenerator(Curve.P_256).keyID(servers.senderKeys.kid()).generate();

        FederationAuthException e = refusal(FederationFixture.jws(servers.header(), servers.claims(), mallory));

        assertEquals(SIGNATURE_INVALID, e.failure());
        assertEquals(
                "signature does not verify with https://sig-a.example key " + servers.senderKeys.kid(), e.getMessage());
    }

    @Test
    void refusesAnUnknownKid() {
        Map<String, Object> header = servers.header();
        header.put("kid", "no-such-key");

        FederationAuthException e = refusal(servers.jws(header, servers.claims()));

        assertEquals(SENDER_UNKNOWN, e.failure());
        assertEquals("https://sig-a.example publishes no key no-such-key", e.getMessage());
    }

    @Test
    void refusesAnIssuerWhoseDocumentLacksTheKid() {
        // Mallory's own server signs with its own key but claims to be sig-a.
        FederationKeys mallory = FederationKeys.generate();
        String forged = new RequestSigner(SENDER, mallory, servers.clock).sign("POST", INVITES, BODY);

        assertEquals(SENDER_UNKNOWN, failure(forged));
    }

    @Test
    void refusesAnIssuerWithoutADocument() {
        servers.documents.clear();

        FederationAuthException e = refusal(servers.signer.sign("POST", INVITES, BODY));

        assertEquals(SENDER_UNKNOWN, e.failure());
        assertEquals("https://sig-a.example has no document", e.getMessage());
    }

    @Test
    void refusesAKeyPublishedForEncryption() throws Exception {
        ECKey published = new ECKey.Builder(servers.senderKeys.signingKey().toPublicJWK())
                .keyUse(KeyUse.ENCRYPTION)
                .build();
        servers.documents.put(SENDER, new JWKSet(published));

        assertEquals(SENDER_UNKNOWN, failure(servers.signer.sign("POST", INVITES, BODY)));
    }

    @Test
    void refusesAP384KeyUnderTheKid() throws Exception {
        ECKey p384 =
                new ECKeyGenerator(Curve.P_384).keyID(servers.senderKeys.kid()).generate();
        servers.documents.put(SENDER, new JWKSet(p384.toPublicJWK()));

        assertEquals(SENDER_UNKNOWN, failure(servers.signer.sign("POST", INVITES, BODY)));
    }

    @Test
    void forgedRequestsNeverReachTheReplayCache() throws Exception {
        ECKey mallory =
                new ECKeyGenerator(Curve.P_256).keyID(servers.senderKeys.kid()).generate();
        Map<String, Object> claims = servers.claims();
        assertEquals(SIGNATURE_INVALID, failure(FederationFixture.jws(servers.header(), claims, mallory)));

        assertEquals(0, servers.replays.size());
        assertEquals(
                SENDER, servers.verify(servers.jws(servers.header(), claims)).origin());
    }
}
