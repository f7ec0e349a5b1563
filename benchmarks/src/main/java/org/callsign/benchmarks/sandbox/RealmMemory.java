package org.callsign.benchmarks.sandbox;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Arrays;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchCache;

/**
 * Heap held by one live IdP realm: a sandbox that already has one realm (so its engine and the prelude
 * exist) gets {@code N} more, one per protocol name, each after a validation; the difference in used heap
 * after full collections, divided by {@code N}, is reported. The fetch cache is emptied before both
 * readings, so only realms are counted. Each round uses a new sandbox.
 *
 * <p>Usage: {@code RealmMemory [realms [rounds]]}, defaults 50 and 3. Not a JMH benchmark: it measures
 * space, not time.
 */
public final class RealmMemory {
    private static final int DEFAULT_REALMS = 50;
    private static final int DEFAULT_ROUNDS = 3;
    private static final int GC_PASSES = 4;

    private RealmMemory() {}

    public static void main(String[] args) throws Exception {
        int realms = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_REALMS;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROUNDS;
        System.out.println(RuntimeInfo.describe());
        long[] perRealm = new long[rounds];
        try (BenchIdp idp = BenchIdp.start(realms)) {
            String assertion = idp.assertion(Duration.ofHours(1));
            for (int round = 0; round < rounds; round++) {
                perRealm[round] = measure(idp, assertion, realms);
                System.out.printf(
                        "round %d: %d realms, %.0f KiB per realm%n", round + 1, realms, perRealm[round] / 1024.0);
            }
        }
        long[] sorted = perRealm.clone();
        Arrays.sort(sorted);
        System.out.printf("median: %.0f KiB per realm%n", sorted[rounds / 2] / 1024.0);
    }

    private static long measure(BenchIdp idp, String assertion, int realms)
            throws IdentityException, InterruptedException {
        FetchCache cache = new FetchCache();
        SandboxConfig config = SandboxConfig.defaults();
        if (realms + 1 > config.maxRealms()) {
            throw new IllegalArgumentException("at most " + (config.maxRealms() - 1) + " realms stay alive");
        }
        try (IdpSandbox sandbox =
                new IdpSandbox(new DefaultFetcher(idp.policy().cache(cache).build()), config)) {
            sandbox.validateAssertion(idp.address(IdpProxyAddress.DEFAULT_PROTOCOL), assertion, BenchIdp.ORIGIN);
            cache.clear();
            long before = usedHeapAfterGc();
            for (int i = 0; i < realms; i++) {
                sandbox.validateAssertion(idp.address(BenchIdp.protocol(i)), assertion, BenchIdp.ORIGIN);
            }
            cache.clear();
            long after = usedHeapAfterGc();
            Checks.expect(realms + 1, sandbox.liveRealms());
            return (after - before) / realms;
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < GC_PASSES; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
