package org.callsign.benchmarks.filter;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.callsign.benchmarks.sandbox.Checks;
import org.callsign.benchmarks.sandbox.RuntimeInfo;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.MvStoreKeyValueStore;
import org.callsign.shim.identity.IdpConfig;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.signaling.call.service.CallerCheck;
import org.callsign.signaling.filter.service.CallRules;
import org.callsign.signaling.filter.service.Caller;
import org.callsign.signaling.filter.service.Decision;
import org.callsign.signaling.filter.service.FilterService;
import org.callsign.signaling.filter.service.Rule;
import org.callsign.signaling.filter.service.Status;
import org.callsign.signaling.filter.store.KeyValueFilterStore;
import org.callsign.signaling.identity.store.BoundIdentity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One incoming call's filter decision for a person with {@link #rules} rules: most identity rules, a share of domain
 * and IdP rules, and always {@value #NETWORKS} network rules (those are checked in turn, so their number is kept
 * fixed to show that the decision does not grow with the rest). {@code engine*} call the compiled rules alone;
 * {@code service*} the whole {@link FilterService#decide} as the call path does, over the embedded store, with the
 * person's status, schedule and per-caller hourly limit (10) in force — the clock steps 400 s per decision, so a
 * caller stays under the limit and each decision also trims and counts the caller's last hour.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class FilterDecisionBenchmark {

    /** Network rules, whatever {@link #rules}. */
    static final int NETWORKS = 16;

    @Param({"100", "10000", "100000"})
    public int rules;

    private Path dir;
    private KeyValueStore store;
    private FilterService service;
    private CallRules engine;
    private BoundIdentity callee;
    private CallerCheck identityHit;
    private CallerCheck domainHit;
    private CallerCheck miss;
    private Caller engineIdentityHit;
    private Caller engineDomainHit;
    private Caller engineMiss;
    private InetAddress from;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        System.out.println(RuntimeInfo.describe());
        List<Rule> list = rules(rules);
        dir = Files.createTempDirectory("filter-bench");
        store = MvStoreKeyValueStore.open(dir, "filter.mv.db");
        service = new FilterService(new KeyValueFilterStore(store), rules, new SteppingClock());
        callee = new BoundIdentity("per@idp-b.example", "per", "uid", "idp-b.example", "default", Instant.EPOCH);
        Checks.expect(rules, service.addRules("per", list));
        engine = new CallRules(list, false);
        from = InetAddress.getByName("203.0.113.9");
        int middle = identities(rules) / 2;
        identityHit = verified("user" + middle + "@d" + (middle % 1000) + ".example");
        domainHit = verified("anyone@z" + (domains(rules) / 2) + ".example");
        miss = verified("stranger@elsewhere.example");
        engineIdentityHit = caller(identityHit);
        engineDomainHit = caller(domainHit);
        engineMiss = caller(miss);
        Checks.expect(Decision.REFUSE_UNAVAILABLE, serviceIdentityHit());
        Checks.expect(Decision.RING, serviceDomainHit());
        Checks.expect(Decision.RING, serviceMiss());
        Checks.expect(Decision.REFUSE_UNAVAILABLE, engineIdentityHit());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A blocked identity: the most specific lookup, then no status and no limit. */
    @Benchmark
    public Decision engineIdentityHit() {
        return engine.decide(engineIdentityHit, Status.AVAILABLE).decision();
    }

    /** An allowed domain. */
    @Benchmark
    public Decision engineDomainHit() {
        return engine.decide(engineDomainHit, Status.AVAILABLE).decision();
    }

    /** A caller no rule names: identity, domain and IdP lookups miss, every network rule is checked. */
    @Benchmark
    public Decision engineMiss() {
        return engine.decide(engineMiss, Status.AVAILABLE).decision();
    }

    @Benchmark
    public Decision serviceIdentityHit() {
        return service.decide(identityHit, callee, "https://sig-a.example", from)
                .decision();
    }

    @Benchmark
    public Decision serviceDomainHit() {
        return service.decide(domainHit, callee, "https://sig-a.example", from).decision();
    }

    @Benchmark
    public Decision serviceMiss() {
        return service.decide(miss, callee, "https://sig-a.example", from).decision();
    }

    /** Identity blocks (70 %), domain allows (20 %), IdP blocks (the rest), and {@value #NETWORKS} network blocks. */
    static List<Rule> rules(int count) {
        List<Rule> list = new ArrayList<>();
        for (int i = 0; i < identities(count); i++) {
            list.add(Rule.of(Rule.Action.BLOCK, "user" + i + "@d" + (i % 1000) + ".example"));
        }
        for (int i = 0; i < domains(count); i++) {
            list.add(Rule.of(Rule.Action.ALLOW, "*@z" + i + ".example"));
        }
        int idps = count - NETWORKS - identities(count) - domains(count);
        for (int i = 0; i < idps; i++) {
            list.add(Rule.of(Rule.Action.BLOCK, "idp:i" + i + ".example"));
        }
        for (int i = 0; i < NETWORKS; i++) {
            list.add(Rule.of(Rule.Action.BLOCK, "198.51." + i + ".0/24"));
        }
        return list;
    }

    private static int identities(int count) {
        return (count - NETWORKS) * 7 / 10;
    }

    private static int domains(int count) {
        return (count - NETWORKS) * 2 / 10;
    }

    private static CallerCheck verified(String identity) {
        String domain = identity.substring(identity.indexOf('@') + 1);
        return new CallerCheck(
                Optional.of(new VerifiedIdentity(identity, new IdpConfig(domain, "default"), List.of())), null);
    }

    private Caller caller(CallerCheck check) {
        VerifiedIdentity identity = check.verified().orElseThrow();
        return new Caller(identity.name(), true, identity.idp().domain(), from);
    }

    /** A clock 400 s further on at each reading: nine calls an hour from any one caller, under the limit of ten. */
    static final class SteppingClock extends Clock {
        private long seconds = Instant.parse("2026-11-30T12:00:00Z").getEpochSecond();

        @Override
        public Instant instant() {
            synchronized (this) {
                seconds += 400;
                return Instant.ofEpochSecond(seconds);
            }
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
