package org.callsign.benchmarks.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.shim.sandbox.ValidationResult;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchCache;
import org.callsign.wellknown.fetch.FetchException;
import org.callsign.wellknown.fetch.FetchRequest;
import org.callsign.wellknown.fetch.FetchResult;
import org.callsign.wellknown.fetch.Fetcher;
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
 * First contact with an IdP, in a warmed-up JVM whose sandbox engine already exists: every invocation
 * validates against a host name the relying party has never seen ({@code c<n>.idp-a.test}), with the fetch
 * cache emptied, so it makes a full TLS handshake (no session to resume), fetches the script and then the
 * JWKS over that connection, creates a realm, runs the script's first run and validates
 * ({@link #coldFirstContact}). {@link #coldScriptFetch} is the script's HTTPS fetch alone, to tell the
 * network's share from the sandbox's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ColdContactBenchmark {

    private BenchIdp idp;
    private FetchCache cache;
    private Fetcher fetcher;
    private IdpSandbox sandbox;
    private String assertion;
    private int next;
    private IdpProxyAddress address;
    private URI scriptUri;

    @Setup(Level.Trial)
    public void start() throws IdentityException {
        System.out.println(RuntimeInfo.describe());
        idp = BenchIdp.start(0);
        cache = new FetchCache();
        fetcher = new DefaultFetcher(idp.policy().cache(cache).build());
        sandbox = new IdpSandbox(fetcher, SandboxConfig.defaults());
        assertion = idp.assertion(Duration.ofHours(2));
        ValidationResult first =
                sandbox.validateAssertion(idp.address(IdpProxyAddress.DEFAULT_PROTOCOL), assertion, BenchIdp.ORIGIN);
        Checks.expect(BenchIdp.IDENTITY, first.identity());
    }

    /** A host name not used before, and an empty cache: nothing of this IdP is known. */
    @Setup(Level.Invocation)
    public void newIdp() throws IdentityException {
        address = idp.freshHost(next++);
        scriptUri = address.scriptUri(false);
        cache.clear();
    }

    @TearDown(Level.Trial)
    public void stop() {
        sandbox.close();
        idp.close();
    }

    @Benchmark
    public ValidationResult coldFirstContact() throws IdentityException {
        return sandbox.validateAssertion(address, assertion, BenchIdp.ORIGIN);
    }

    @Benchmark
    public FetchResult coldScriptFetch() throws FetchException {
        return fetcher.fetch(FetchRequest.get(scriptUri).accept(IdpSandbox.SCRIPT_TYPES));
    }
}
