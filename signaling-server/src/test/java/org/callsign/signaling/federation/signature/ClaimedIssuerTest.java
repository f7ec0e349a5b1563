package org.callsign.signaling.federation.signature;

import static org.callsign.signaling.federation.signature.FederationFixture.BODY;
import static org.callsign.signaling.federation.signature.FederationFixture.INVITES;
import static org.callsign.signaling.federation.signature.FederationFixture.SENDER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The unverified {@code iss} that rate limiting keys on, before any key is fetched. */
class ClaimedIssuerTest {

    private final FederationFixture servers = new FederationFixture();

    @Test
    void readsTheIssuerOfASignedRequest() {
        assertEquals(Optional.of(SENDER), RequestVerifier.claimedIssuer(servers.signer.sign("POST", INVITES, BODY)));
    }

    @Test
    void readsTheIssuerWithoutVerifyingTheSignature() throws Exception {
        String forged =
                FederationFixture.jws(servers.header(), servers.claims(), new ECKeyGenerator(Curve.P_256).generate());

        assertEquals(Optional.of(SENDER), RequestVerifier.claimedIssuer(forged));
    }

    @Test
    void readsAnHttpIssuerForDevelopment() {
        Map<String, Object> claims = servers.claims();
        claims.put("iss", "http://127.0.0.1:8082");

        assertEquals(
                Optional.of("http://127.0.0.1:8082"),
                RequestVerifier.claimedIssuer(servers.jws(servers.header(), claims)));
    }

    @ParameterizedTest(name = "iss {0}")
    @ValueSource(strings = {"https://sig-a.example/path", "https://user@sig-a.example", "sig-a.example", ""})
    void ignoresAnIssuerThatIsNotAnOrigin(String iss) {
        Map<String, Object> claims = servers.claims();
        claims.put("iss", iss);

        assertEquals(Optional.empty(), RequestVerifier.claimedIssuer(servers.jws(servers.header(), claims)));
    }

    @Test
    void ignoresAnIssuerThatIsNotAString() {
        Map<String, Object> claims = servers.claims();
        claims.put("iss", Map.of("origin", SENDER));

        assertEquals(Optional.empty(), RequestVerifier.claimedIssuer(servers.jws(servers.header(), claims)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullSource
    @ValueSource(
            strings = {
                "",
                "garbage",
                "a.b.c",
                "e30.bm90IGpzb24.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "e30.W10.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "e30.A.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            })
    void isEmptyForGarbage(String headerValue) {
        assertEquals(Optional.empty(), RequestVerifier.claimedIssuer(headerValue));
    }

    @Test
    void isEmptyForAnOversizedHeader() {
        Map<String, Object> claims = servers.claims();
        claims.put("padding", "x".repeat(4096));

        assertEquals(Optional.empty(), RequestVerifier.claimedIssuer(servers.jws(servers.header(), claims)));
    }
}
