package org.callsign.benchmarks.idp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The idp-server load test: starts the packaged server ({@link IdpProcess}), sets up a user ({@link BenchUser}),
 * checks one assertion in full ({@link AssertionCheck}), warms up, then runs a closed loop ({@link ClosedLoop}) of
 * {@code POST /api/assertions} at each concurrency level, over HTTPS and plain HTTP, and prints a Markdown table:
 * assertions per second, latency percentiles, errors, and the server's and the load generator's CPU time per
 * assertion. Exits with status 1 if any answer was not an assertion.
 *
 * <p>Usage: {@code AssertionLoad --jar <quarkus-run.jar> --out <dir> [--levels 1,2,4,8] [--schemes https,http]
 * [--warm-up 60] [--level-warm-up 3] [--duration 12] [--server-flags "-Xms1g -Xmx1g"] [--profile-clients n]}. Times
 * are in seconds. {@code --profile-clients} adds one more HTTPS run at that concurrency with a JFR recording
 * (settings {@code profile}) of the server during that run, warm-up included, to {@code <out>/idp-server.jfr}; it is
 * not comparable with the other runs. Writes {@code <out>/idp-load.tsv} and the server's output to
 * {@code <out>/idp-server.log}.
 */
public final class AssertionLoad {
    private static final String USERNAME = "bench";

    private AssertionLoad() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path jar = Path.of(required(options, "jar"));
        Path out = Path.of(required(options, "out"));
        int[] levels = Arrays.stream(options.getOrDefault("levels", "1,2,4,8").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        List<String> schemes =
                List.of(options.getOrDefault("schemes", "https,http").split(","));
        Duration warmUp = seconds(options.getOrDefault("warm-up", "60"));
        Duration levelWarmUp = seconds(options.getOrDefault("level-warm-up", "3"));
        Duration duration = seconds(options.getOrDefault("duration", "12"));
        int profileClients = Integer.parseInt(options.getOrDefault("profile-clients", "0"));
        List<String> serverFlags = new ArrayList<>(List.of(
                options.getOrDefault("server-flags", "-Xms1g -Xmx1g").trim().split("\\s+")));
        Path jfr = out.resolve("idp-server.jfr").toAbsolutePath();
        if (profileClients > 0) {
            serverFlags.add("-XX:FlightRecorderOptions=stackdepth=256");
        }
        Files.createDirectories(out);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        System.out.printf(
                "idp-server %s on JDK %s (%s)%nserver JVM flags: %s%nload generator JVM flags: %s%n",
                jar,
                System.getProperty("java.vm.version"),
                System.getProperty("java.vm.name"),
                String.join(" ", serverFlags),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        System.out.printf(
                "warm-up %d s; per level %d s warm-up, %d s measured; levels %s; schemes %s%n",
                warmUp.toSeconds(), levelWarmUp.toSeconds(), duration.toSeconds(), Arrays.toString(levels), schemes);

        List<LoadResult> results = new ArrayList<>();
        try (IdpProcess idp = IdpProcess.start(java, serverFlags, jar, out.resolve("idp-server.log"))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.of(idp.pid())
                    .ifPresent(ProcessHandle::destroy)));
            System.out.printf(
                    "server pid %d, https %s, http %s%n",
                    idp.pid(), idp.https().origin(), idp.http().origin());
            BenchUser user = BenchUser.create(idp.https(), USERNAME);
            String body = BenchUser.assertionRequest();
            System.out.println("first assertion: " + firstAssertion(idp, user, body));

            Endpoint first = endpoint(idp, schemes.get(0));
            LoadResult warm = run(idp, first, user, body, 2, Duration.ZERO, warmUp);
            results.add(warm);
            System.out.printf(
                    "warm-up: %d assertions in %d s over %s at 2 clients, %d errors%n%n",
                    warm.latencies().length, warmUp.toSeconds(), first.scheme(), warm.errors());

            List<LoadResult> measured = new ArrayList<>();
            System.out.println(LoadResult.markdownHeader());
            for (String scheme : schemes) {
                for (int clients : levels) {
                    LoadResult result = run(idp, endpoint(idp, scheme), user, body, clients, levelWarmUp, duration);
                    measured.add(result);
                    System.out.println(result.markdownRow());
                }
            }
            System.out.println(
                    "\nserver CPU per assertion by thread (µs; names as the kernel keeps them, 15 characters):");
            for (LoadResult result : measured) {
                System.out.printf(
                        "- %s, %d clients: %s%n", result.scheme(), result.clients(), result.serverCpuBreakdown());
            }
            List<String> lines = new ArrayList<>(List.of(LoadResult.TSV_HEADER));
            measured.forEach(result -> lines.add(result.tsv()));
            Files.write(out.resolve("idp-load.tsv"), lines);
            results.addAll(measured);
            if (profileClients > 0) {
                results.add(profiled(idp, user, body, profileClients, levelWarmUp, duration, jfr));
            }
        }
        long errors = 0;
        for (LoadResult result : results) {
            errors += result.errors();
            if (result.firstError() != null) {
                System.out.printf(
                        "first error at %s, %d clients: %s%n", result.scheme(), result.clients(), result.firstError());
            }
        }
        if (errors > 0) {
            System.out.println("FAILED: " + errors + " requests did not answer with an assertion");
            System.exit(1);
        }
    }

    /** One more HTTPS run, with a JFR recording of the server from its warm-up to its end. */
    private static LoadResult profiled(
            IdpProcess idp, BenchUser user, String body, int clients, Duration warmUp, Duration measured, Path jfr)
            throws IOException {
        Files.deleteIfExists(jfr);
        Jcmd jcmd = new Jcmd(Path.of(System.getProperty("java.home"), "bin", "jcmd"), idp.pid());
        jcmd.run("JFR.start", "name=idp-load", "settings=profile", "filename=" + jfr);
        LoadResult profiled = run(idp, idp.https(), user, body, clients, warmUp, measured);
        jcmd.run("JFR.stop", "name=idp-load");
        System.out.printf(
                "%nprofiled with JFR (%s), not comparable with the rows above:%n%s%n%s%n",
                jfr, LoadResult.markdownHeader(), profiled.markdownRow());
        return profiled;
    }

    private static LoadResult run(
            IdpProcess idp,
            Endpoint endpoint,
            BenchUser user,
            String body,
            int clients,
            Duration warmUp,
            Duration measured) {
        byte[] request = endpoint.request("POST", "/api/assertions", user.authorization(), body);
        return ClosedLoop.run(endpoint, request, clients, warmUp, measured, idp.pid());
    }

    private static String firstAssertion(IdpProcess idp, BenchUser user, String body) throws IOException {
        Endpoint https = idp.https();
        try (Http1Connection connection = new Http1Connection(https)) {
            Http1Connection.Response jwks =
                    connection.exchange(https.request("GET", "/.well-known/jwks.json", Map.of(), null));
            Http1Connection.Response answer =
                    connection.exchange(https.request("POST", "/api/assertions", user.authorization(), body));
            if (jwks.status() != 200 || answer.status() != 200) {
                throw new IllegalStateException("first assertion: HTTP " + jwks.status() + " for the JWKS, "
                        + answer.status() + " for the assertion: " + answer.text());
            }
            return AssertionCheck.verify(
                    answer.text(), jwks.text(), https.origin(), USERNAME + "@" + IdpProcess.DOMAIN);
        }
    }

    private static Endpoint endpoint(IdpProcess idp, String scheme) {
        return switch (scheme) {
            case "https" -> idp.https();
            case "http" -> idp.http();
            default -> throw new IllegalArgumentException("unknown scheme " + scheme + " (https or http)");
        };
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static Duration seconds(String value) {
        return Duration.ofSeconds(Long.parseLong(value));
    }
}
