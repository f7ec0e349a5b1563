package org.callsign.benchmarks.calls;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callsign.shim.identity.FingerprintContents;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchRequest;
import org.callsign.wellknown.webfinger.AcctUri;
import org.callsign.wellknown.webfinger.WebFingerClient;

/**
 * The steps of a call set-up timed one by one in the benchmark's process, against the running servers and with the
 * libraries the servers and devices use: discovery (WebFinger at the callee's IdP and the callee's server's
 * {@code /.well-known/callsign}, through well-known's {@code DefaultFetcher}), the IdP sandbox ({@code IdpSandbox}'s
 * {@code validateAssertion} and {@code generateAssertion}), and the federation signature ({@link FederationCrypto}).
 * "Cold" is a new fetcher (empty cache, no connection) and a new sandbox (new engine, no realm) for every sample;
 * "warm" reuses one that has done the step before.
 */
final class Steps {
    /** One step's samples. */
    record Step(String name, Samples samples) {}

    private static final String SIGNALING_REL = "urn:callsign:rel:signaling-server";
    private static final int WARM_UP = 20;

    private final CallDomains domains;
    private final Person caller;
    private final Person callee;
    private final int cold;
    private final int warm;
    private final List<Step> steps = new ArrayList<>();

    Steps(CallDomains domains, Person caller, Person callee, int cold, int warm) {
        this.domains = domains;
        this.caller = caller;
        this.callee = callee;
        this.cold = cold;
        this.warm = warm;
    }

    /** Runs every step; the federation signature first, while Nimbus has not run in this process yet. */
    List<Step> run() throws Exception {
        FederationCrypto crypto = new FederationCrypto(caller.domain().signalingOrigin());
        Samples first = new Samples();
        first.add(crypto.signAndVerify());
        steps.add(new Step("ES256 sign + verify of a federation JWS, first in this JVM", first));
        steps.addAll(crypto.measure(warm));

        discovery();
        connections();
        validation();
        generation();
        return steps;
    }

    private void discovery() throws Exception {
        AcctUri account = AcctUri.ofIdentity(callee.identity());
        URI document = URI.create(callee.domain().signalingOrigin() + "/.well-known/callsign");
        Samples webFinger = new Samples();
        Samples documents = new Samples();
        Samples both = new Samples();
        for (int i = 0; i < cold; i++) {
            DefaultFetcher fetcher = domains.newFetcher();
            long start = System.nanoTime();
            new WebFingerClient(fetcher).lookup(account, SIGNALING_REL);
            long found = System.nanoTime();
            Api.JSON.readTree(fetcher.fetch(FetchRequest.get(document).accept("application/json"))
                    .body());
            long end = System.nanoTime();
            webFinger.add(found - start);
            documents.add(end - found);
            both.add(end - start);
            fetcher.closeIdleConnections();
        }
        steps.add(new Step("discovery (WebFinger + /.well-known/callsign), cold: new fetcher", both));
        steps.add(new Step("… WebFinger alone, cold (TLS handshake with the IdP)", webFinger));
        steps.add(new Step("… /.well-known/callsign alone, cold (TLS handshake with the server)", documents));

        DefaultFetcher fetcher = domains.newFetcher();
        Samples cached = new Samples();
        for (int i = 0; i < WARM_UP + warm; i++) {
            long start = System.nanoTime();
            new WebFingerClient(fetcher).lookup(account, SIGNALING_REL);
            Api.JSON.readTree(fetcher.fetch(FetchRequest.get(document).accept("application/json"))
                    .body());
            if (i >= WARM_UP) {
                cached.add(System.nanoTime() - start);
            }
        }
        steps.add(new Step("discovery, warm: both answered from the fetcher's cache", cached));
        fetcher.closeIdleConnections();
    }

    /**
     * What a federation request pays for its connection: the fetcher sends a POST only on a new connection (a request
     * that may not be sent twice never goes over a pooled one), so every invite and event makes a TCP connection and a
     * TLS handshake. Timed with an unsigned POST to the callee's server, refused at once ({@code 401
     * signature-missing}), against a GET of its document over a kept-alive connection, bypassing the cache.
     */
    private void connections() throws Exception {
        URI invites = URI.create(callee.domain().signalingOrigin() + "/federation/v1/invites");
        URI document = URI.create(callee.domain().signalingOrigin() + "/.well-known/callsign");
        DefaultFetcher fetcher = domains.newFetcher();
        Samples posts = new Samples();
        Samples gets = new Samples();
        for (int i = 0; i < WARM_UP + warm; i++) {
            long start = System.nanoTime();
            fetcher.fetch(FetchRequest.of("POST", invites, "{}".getBytes(StandardCharsets.UTF_8))
                    .anyStatus());
            long posted = System.nanoTime();
            fetcher.fetch(FetchRequest.get(document).accept("application/json").noCache());
            long got = System.nanoTime();
            if (i >= WARM_UP) {
                posts.add(posted - start);
                gets.add(got - posted);
            }
        }
        fetcher.closeIdleConnections();
        steps.add(new Step("HTTPS POST through the fetcher, refused at once: new connection and TLS handshake", posts));
        steps.add(new Step("HTTPS GET through the fetcher on a kept-alive connection, cache bypassed", gets));
    }

    /** The callee's server validating the caller's assertion: the caller's IdP, for the callee's server's origin. */
    private void validation() throws Exception {
        String origin = callee.domain().signalingOrigin();
        IdpProxyAddress idp = IdpProxyAddress.of(caller.domain().idpHost(), IdpProxyAddress.DEFAULT_PROTOCOL);
        String assertion;
        try (IdpSandbox own = sandbox(caller, domains.newFetcher())) {
            assertion = own.generateAssertion(idp, contents(caller), origin, options())
                    .assertion();
        }
        Samples first = new Samples();
        for (int i = 0; i < cold; i++) {
            DefaultFetcher fetcher = domains.newFetcher();
            try (IdpSandbox sandbox = sandbox(null, fetcher)) {
                long start = System.nanoTime();
                sandbox.validateAssertion(idp, assertion, origin);
                first.add(System.nanoTime() - start);
            }
            fetcher.closeIdleConnections();
        }
        steps.add(new Step("validateAssertion, cold: new sandbox and fetcher (script, JWKS, realm)", first));
        try (IdpSandbox sandbox = sandbox(null, domains.newFetcher())) {
            Samples again = new Samples();
            for (int i = 0; i < WARM_UP + warm; i++) {
                long start = System.nanoTime();
                sandbox.validateAssertion(idp, assertion, origin);
                if (i >= WARM_UP) {
                    again.add(System.nanoTime() - start);
                }
            }
            steps.add(new Step("validateAssertion, warm: live realm, script cached", again));
        }
    }

    /** The callee's device asserting its answer: its IdP, for the caller's server's origin. */
    private void generation() throws Exception {
        String origin = caller.domain().signalingOrigin();
        IdpProxyAddress idp = IdpProxyAddress.of(callee.domain().idpHost(), IdpProxyAddress.DEFAULT_PROTOCOL);
        String contents = contents(callee);
        Samples first = new Samples();
        for (int i = 0; i < cold; i++) {
            DefaultFetcher fetcher = domains.newFetcher();
            try (IdpSandbox sandbox = sandbox(callee, fetcher)) {
                long start = System.nanoTime();
                sandbox.generateAssertion(idp, contents, origin, options());
                first.add(System.nanoTime() - start);
            }
            fetcher.closeIdleConnections();
        }
        steps.add(new Step("generateAssertion, cold: new sandbox and fetcher (script, realm, the IdP signs)", first));
        try (IdpSandbox sandbox = sandbox(callee, domains.newFetcher())) {
            Samples again = new Samples();
            for (int i = 0; i < WARM_UP + warm; i++) {
                long start = System.nanoTime();
                sandbox.generateAssertion(idp, contents, origin, options());
                if (i >= WARM_UP) {
                    again.add(System.nanoTime() - start);
                }
            }
            steps.add(new Step(
                    "generateAssertion, warm: live realm; its POST to the IdP on a new connection, the IdP signs",
                    again));
        }
    }

    /** A new sandbox on {@code fetcher}; with {@code person}'s IdP token for their IdP, or with no credentials. */
    private static IdpSandbox sandbox(Person person, DefaultFetcher fetcher) {
        SandboxConfig config = person == null
                ? SandboxConfig.defaults()
                : SandboxConfig.defaults()
                        .withBearerTokens(Map.of(person.domain().idpOrigin(), person.idpToken()));
        return new IdpSandbox(fetcher, config);
    }

    private static String contents(Person person) throws Exception {
        return FingerprintContents.of(SessionDescription.parse(person.sdp()).fingerprints())
                .json();
    }

    private static GenerateOptions options() {
        return new GenerateOptions(IdpProxyAddress.DEFAULT_PROTOCOL, null, null);
    }
}
