package org.callsign.testbed;

import java.util.function.Function;
import java.util.stream.Stream;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.IdentityAsserter;
import org.callsign.shim.identity.IdentityAttribute;
import org.callsign.shim.identity.IdpConfig;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.testbed.firefox.PortedIdps;
import org.callsign.testbed.firefox.Verdict;

/**
 * A webrtc-java peer's offer with {@code a=identity} from browser-shim and alice's IdP (as a browser reaches it), and
 * the table of what a relying party must make of it and of its tampered forms (RFC 8827 §7.5, §7.6; W3C
 * webrtc-identity §9.5), where Firefox and browser-shim must agree.
 */
final class Offers {
    private static final String ALICE = "alice@idp-a.test";

    private final String genuine;
    private final String forOtherOrigin;
    private final String ported;

    Offers(PortedIdps idps, User alice, String offer, String origin) throws IdentityException, SdpException {
        SessionDescription sdp = SessionDescription.parse(offer);
        try (IdpSandbox sandbox = idps.authenticating(alice)) {
            IdentityAsserter asserter = new IdentityAsserter(sandbox);
            IdpProxyAddress idp = IdpProxyAddress.of(alice.domain().idpHost(), IdpProxyAddress.DEFAULT_PROTOCOL);
            IdpProxyAddress portedIdp =
                    IdpProxyAddress.of(idps.portedIdp(alice.domain()), IdpProxyAddress.DEFAULT_PROTOCOL);
            GenerateOptions options = new GenerateOptions(IdpProxyAddress.DEFAULT_PROTOCOL, null, null);
            this.genuine = asserter.assertIdentity(sdp, idp, origin, options).toString();
            this.forOtherOrigin = asserter.assertIdentity(sdp, idp, Domain.B.signalingOrigin(), options)
                    .toString();
            this.ported =
                    asserter.assertIdentity(sdp, portedIdp, origin, options).toString();
        }
    }

    /** The peer's offer asserted as alice for the relying page's origin. */
    String genuine() {
        return genuine;
    }

    /** The same, asserted for another origin: {@code https://sig-b.test}. */
    String forOtherOrigin() {
        return forOtherOrigin;
    }

    /** The same, by alice's IdP reached at its real port: {@code a=identity} names {@code idp-a.test:<port>}. */
    String ported() {
        return ported;
    }

    /** One row: how the offer is made from {@link Offers}, the target peer identity (or null), the verdict. */
    record Case(String name, Function<Offers, String> sdp, String target, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("genuine assertion", Offers::genuine, null, ALICE),
                new Case("genuine assertion, target is the asserted identity", Offers::genuine, ALICE, ALICE),
                new Case("IdP domain with a port, identity without", Offers::ported, ALICE, ALICE),
                new Case("target is another identity", Offers::genuine, "bob@idp-a.test", Verdict.REFUSED),
                new Case("no a=identity", o -> o.withoutIdentity(), null, Verdict.NONE),
                new Case("no a=identity under a target", o -> o.withoutIdentity(), ALICE, Verdict.REFUSED),
                new Case(
                        "fingerprint replaced by a certificate nobody asserted",
                        o -> SdpTamper.withFingerprint(o.genuine, SdpTamper.randomFingerprint()),
                        null,
                        Verdict.REFUSED),
                new Case(
                        "a second fingerprint the assertion does not cover",
                        Offers::withExtraFingerprint,
                        null,
                        Verdict.REFUSED),
                new Case("signature altered", Offers::withAlteredSignature, null, Verdict.REFUSED),
                new Case("a=identity names IdP B over IdP A's assertion", Offers::namingIdpB, null, Verdict.REFUSED));
    }

    private String withoutIdentity() {
        return parse(genuine).withoutIdentity().toString();
    }

    private String withExtraFingerprint() {
        int at = genuine.indexOf("a=fingerprint:");
        String extra = "a=fingerprint:" + SdpTamper.randomFingerprint().toAttributeValue() + "\r\n";
        return genuine.substring(0, at) + extra + genuine.substring(at);
    }

    private String withAlteredSignature() {
        return withAttribute(attribute -> {
            String jws = attribute.assertion();
            char last = jws.charAt(jws.length() - 2);
            String altered =
                    jws.substring(0, jws.length() - 2) + (last == 'A' ? 'B' : 'A') + jws.charAt(jws.length() - 1);
            return new IdentityAttribute(attribute.idp(), altered);
        });
    }

    private String namingIdpB() {
        return withAttribute(attribute -> new IdentityAttribute(
                new IdpConfig(Domain.B.idpHost(), attribute.idp().protocol()), attribute.assertion()));
    }

    private String withAttribute(Function<IdentityAttribute, IdentityAttribute> change) {
        SessionDescription sdp = parse(genuine);
        try {
            IdentityAttribute attribute =
                    IdentityAttribute.decode(sdp.identity().orElseThrow());
            return sdp.withoutIdentity()
                    .withIdentity(change.apply(attribute).encode())
                    .toString();
        } catch (IdentityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SessionDescription parse(String sdp) {
        try {
            return SessionDescription.parse(sdp);
        } catch (SdpException e) {
            throw new IllegalStateException(e);
        }
    }
}
