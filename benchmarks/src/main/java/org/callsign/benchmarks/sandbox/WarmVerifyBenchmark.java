package org.callsign.benchmarks.sandbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.shim.sandbox.ValidationResult;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The relying party's steady state: one IdP whose realm is alive and whose script is fresh in the fetcher's
 * cache. {@link #verifyWarm} validates an ES256 assertion with a script that keeps the IdP's key, so no call
 * touches the network; {@link #bareJwsVerify} does the same checks directly in Java, and the ratio of the two
 * is the sandbox's overhead. {@link #verifyWarmFetchingJwks} runs a script that fetches the JWKS on every
 * call, as many proxies do: the realm's {@code fetch} answers a body-less GET from the fetcher's HTTP cache while the
 * JWKS is fresh ({@code max-age}), so no call reaches the IdP either.
 * {@link #sandboxCallFloor} calls a script that checks nothing: the sandbox's fixed cost per call.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class WarmVerifyBenchmark {
    private static final int SETUP_CALLS = 3;

    /** A sandbox with a live realm for one of the IdP's scripts. */
    @State(Scope.Benchmark)
    public abstract static class SandboxState {
        BenchIdp idp;
        IdpSandbox sandbox;
        IdpProxyAddress address;
        String assertion;

        /** The protocol name of the script to run. */
        abstract String protocol();

        /** Requests each warm call is expected to send to the IdP. */
        abstract int requestsPerCall();

        /** The contents the script returns. */
        String contents() {
            return BenchIdp.CONTENTS;
        }

        @Setup(Level.Trial)
        public void start() throws IdentityException {
            System.out.println(RuntimeInfo.describe());
            idp = BenchIdp.start(0);
            sandbox = new IdpSandbox(
                    new DefaultFetcher(idp.policy().cache(new FetchCache()).build()), SandboxConfig.defaults());
            address = idp.address(protocol());
            assertion = idp.assertion(Duration.ofHours(2));
            ValidationResult first = sandbox.validateAssertion(address, assertion, BenchIdp.ORIGIN);
            Checks.expect(BenchIdp.IDENTITY, first.identity());
            Checks.expect(contents(), first.contents());
            int before = idp.requestCount();
            for (int i = 0; i < SETUP_CALLS; i++) {
                sandbox.validateAssertion(address, assertion, BenchIdp.ORIGIN);
            }
            Checks.expect(before + SETUP_CALLS * requestsPerCall(), idp.requestCount());
            Checks.expect(1, sandbox.liveRealms());
        }

        @TearDown(Level.Trial)
        public void stop() {
            sandbox.close();
            idp.close();
        }
    }

    /** The script keeps the key: a warm call is script and crypto only. */
    public static class KeptKey extends SandboxState {
        @Override
        String protocol() {
            return IdpProxyAddress.DEFAULT_PROTOCOL;
        }

        @Override
        int requestsPerCall() {
            return 0;
        }
    }

    /** The script fetches {@code /jwks.json} on every call; the cache answers while the JWKS is fresh. */
    public static class FetchedJwks extends SandboxState {
        @Override
        String protocol() {
            return BenchIdp.FETCHES_JWKS;
        }

        @Override
        int requestsPerCall() {
            return 0;
        }
    }

    /** The script resolves at once. */
    public static class NoopScript extends SandboxState {
        @Override
        String protocol() {
            return BenchIdp.NOOP;
        }

        @Override
        int requestsPerCall() {
            return 0;
        }

        @Override
        String contents() {
            return BenchIdp.NOOP_CONTENTS;
        }
    }

    /** The same assertion and key, without a sandbox. */
    @State(Scope.Benchmark)
    public static class Bare {
        BareJwsVerifier verifier;
        String assertion;

        @Setup(Level.Trial)
        public void start() {
            try (BenchIdp idp = BenchIdp.start(0)) {
                verifier = new BareJwsVerifier(idp.publicKey());
                assertion = idp.assertion(Duration.ofHours(2));
            }
            BareJwsVerifier.Claims first = verifier.verify(assertion, BenchIdp.ORIGIN);
            Checks.expect(BenchIdp.IDENTITY, first.identity());
            Checks.expect(BenchIdp.CONTENTS, first.contents());
        }
    }

    @Benchmark
    public ValidationResult verifyWarm(KeptKey state) throws IdentityException {
        return state.sandbox.validateAssertion(state.address, state.assertion, BenchIdp.ORIGIN);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public ValidationResult verifyWarmFetchingJwks(FetchedJwks state) throws IdentityException {
        return state.sandbox.validateAssertion(state.address, state.assertion, BenchIdp.ORIGIN);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public ValidationResult sandboxCallFloor(NoopScript state) throws IdentityException {
        return state.sandbox.validateAssertion(state.address, state.assertion, BenchIdp.ORIGIN);
    }

    @Benchmark
    public BareJwsVerifier.Claims bareJwsVerify(Bare state) {
        return state.verifier.verify(state.assertion, BenchIdp.ORIGIN);
    }
}
