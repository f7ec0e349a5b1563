package org.callsign.testbed.up;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM options with which {@code ./callsign up} starts each service: sized for a personal server on a small machine
 * (a serial collector and a bounded heap; see docs/operations.md for what each costs), then the options of the
 * environment variable {@value #OPTIONS_VARIABLE}, split at white space. The JVM takes the last of repeated options,
 * so the variable overrides any default. A class-data cache ({@link ClassDataCache}) is added unless
 * {@value #CACHE_VARIABLE} is {@code off}.
 */
public final class UpJvmOptions {
    /** Extra JVM options for both services, after the defaults. */
    public static final String OPTIONS_VARIABLE = "CALLSIGN_JAVA_OPTS";

    /** {@code off} starts the services without a class-data cache, and records none. */
    public static final String CACHE_VARIABLE = "CALLSIGN_CLASS_CACHE";

    /**
     * Both services: the serial collector (small heaps), and the quick compiler only, which saves about 2 s of CPU per
     * start for hot code measured up to 10 % slower (docs/benchmarks.md).
     */
    static final List<String> COMMON = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The IdP's heap: accounts, sessions and keys of one domain. */
    static final List<String> IDP_HEAP = List.of("-Xms16m", "-Xmx128m");

    /** The signaling server's: 10,000 idle connections hold about 110 MiB, the sandbox's realms 0.2 MiB each. */
    static final List<String> SIGNALING_HEAP = List.of("-Xms16m", "-Xmx256m");

    private UpJvmOptions() {}

    /** The options of {@code service} ({@code idp-server} or {@code signaling-server}) given {@code environment}. */
    public static List<String> of(String service, Map<String, String> environment) {
        List<String> options = new ArrayList<>(COMMON);
        options.addAll(service.equals("idp-server") ? IDP_HEAP : SIGNALING_HEAP);
        String extra = environment.getOrDefault(OPTIONS_VARIABLE, "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    /** Whether the services start from (and record) a class-data cache. */
    public static boolean cacheEnabled(Map<String, String> environment) {
        return !environment.getOrDefault(CACHE_VARIABLE, "").strip().equalsIgnoreCase("off");
    }
}
