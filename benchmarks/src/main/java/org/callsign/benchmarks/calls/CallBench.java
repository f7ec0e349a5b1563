package org.callsign.benchmarks.calls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Call set-up time across two domains on loopback: starts {@link CallDomains} (two IdPs, two signaling servers, from
 * their packaged jars), sets up {@code alice@idp-a.test} and {@code per@idp-b.test} ({@link People}), and times calls
 * from alice's device to per's ({@link Caller}, {@link AutoAnswer}): first cold samples, each on restarted servers
 * with new devices, then warm calls on the same servers and devices; then the steps one by one ({@link Steps}), and
 * the report ({@link CallReport}). Run by {@code benchmarks/run-calls}; its header lists the settings.
 *
 * <p>Arguments, {@code key=value}: {@code java}, {@code idpJar}, {@code signalingJar}, {@code results} (a directory),
 * {@code cold} (samples, default 10), {@code restart} ({@code signaling} or {@code all}: which servers restart before
 * each cold sample), {@code warmup} and {@code warm} (calls, default 50 and 200), {@code stepsCold} and
 * {@code stepsWarm} (samples of each step, default 10 and 200), {@code serverFlags} (space-separated).
 */
public final class CallBench {
    static final String METRIC_INVITES = "POST /federation/v1/invites";
    static final String METRIC_EVENTS = "POST /federation/v1/calls/{call}/events";
    static final String METRIC_LOOKUP = "GET /api/lookup";

    private CallBench() {}

    /** What one phase measured: the calls, and the time each server spent per federation request. */
    record Phase(List<CallTiming> calls, List<ServerMetrics> callerServer, List<ServerMetrics> calleeServer) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path java = Path.of(options.get("java"));
        Path results = Files.createDirectories(Path.of(options.get("results")));
        int cold = Integer.parseInt(options.getOrDefault("cold", "10"));
        boolean restartAll = options.getOrDefault("restart", "signaling").equals("all");
        int warmUp = Integer.parseInt(options.getOrDefault("warmup", "50"));
        int warm = Integer.parseInt(options.getOrDefault("warm", "200"));
        int stepsCold = Integer.parseInt(options.getOrDefault("stepsCold", "10"));
        int stepsWarm = Integer.parseInt(options.getOrDefault("stepsWarm", "200"));
        String flags = options.getOrDefault("serverFlags", "-Xms512m -Xmx512m");
        List<String> serverFlags =
                flags.isBlank() ? List.of() : List.of(flags.trim().split("\\s+"));

        System.out.printf("==> starting idp-a, idp-b, sig-a, sig-b (%s)%n", String.join(" ", serverFlags));
        try (CallDomains domains = CallDomains.start(
                java,
                serverFlags,
                Path.of(options.get("idpJar")),
                Path.of(options.get("signalingJar")),
                results.resolve("calls-logs"))) {
            People people = new People(domains);
            Person alice = people.create(Domain.A, "alice", "/org/callsign/benchmarks/signaling/offer.sdp");
            Person per = people.create(Domain.B, "per", "/org/callsign/benchmarks/calls/answer.sdp");
            System.out.printf("    %s and %s set up, identities bound%n", alice.identity(), per.identity());

            List<Duration> restarts = new ArrayList<>();
            Phase coldPhase = new Phase(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < cold; i++) {
                Duration restart = restartAll ? domains.restartAll() : domains.restartSignaling();
                restarts.add(restart);
                try (Session session = Session.open(domains, alice, per)) {
                    measure(domains, session, coldPhase);
                }
                CallTiming t = coldPhase.calls().get(i);
                System.out.printf(
                        "    cold %d/%d: restart %.1f s; lookup %s ms, offer asserted %s ms, set-up %s ms%n",
                        i + 1,
                        cold,
                        restart.toMillis() / 1000.0,
                        Samples.ms(t.lookup() / 1e6),
                        Samples.ms(t.offerAssertion() / 1e6),
                        Samples.ms(t.total() / 1e6));
            }

            Phase warmPhase = new Phase(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            System.out.printf("==> warm: %d calls of warm-up, then %d measured%n", warmUp, warm);
            try (Session session = Session.open(domains, alice, per)) {
                for (int i = 0; i < warmUp; i++) {
                    session.call();
                }
                ServerMetrics callerBefore = scrape(domains, Domain.A);
                ServerMetrics calleeBefore = scrape(domains, Domain.B);
                for (int i = 0; i < warm; i++) {
                    warmPhase.calls().add(session.call());
                }
                warmPhase.callerServer().add(scrape(domains, Domain.A).since(callerBefore));
                warmPhase.calleeServer().add(scrape(domains, Domain.B).since(calleeBefore));
            }
            System.out.printf(
                    "    sig-a's HTTP timers during the measured calls:%n%s    sig-b's:%n%s",
                    warmPhase.callerServer().get(0), warmPhase.calleeServer().get(0));
            System.out.printf(
                    "    set-up p50 %s ms, p99 %s ms%n",
                    Samples.ms(Samples.of(warmPhase.calls(), CallTiming::total).median()),
                    Samples.ms(Samples.of(warmPhase.calls(), CallTiming::total).percentile(99)));

            System.out.printf("==> steps one by one: %d cold and %d warm samples each%n", stepsCold, stepsWarm);
            List<Steps.Step> steps = new Steps(domains, alice, per, stepsCold, stepsWarm).run();

            writeCalls(results.resolve("calls-samples.tsv"), coldPhase, warmPhase);
            CallReport report = new CallReport(coldPhase, warmPhase, steps, restarts, restartAll);
            Files.writeString(results.resolve("calls-summary.md"), report.markdown());
            System.out.println();
            System.out.println(report.markdown());
        }
    }

    /** One call, with the servers' federation timers read before it and after it ended. */
    private static void measure(CallDomains domains, Session session, Phase phase) throws Exception {
        ServerMetrics callerBefore = scrape(domains, Domain.A);
        ServerMetrics calleeBefore = scrape(domains, Domain.B);
        phase.calls().add(session.call());
        phase.callerServer().add(scrape(domains, Domain.A).since(callerBefore));
        phase.calleeServer().add(scrape(domains, Domain.B).since(calleeBefore));
    }

    private static ServerMetrics scrape(CallDomains domains, Domain domain) throws Exception {
        return ServerMetrics.parse(
                new Api(domains.http(), domains.signaling(domain).base()).text("/q/metrics"));
    }

    private static void writeCalls(Path file, Phase cold, Phase warm) throws Exception {
        StringBuilder tsv = new StringBuilder("phase\t" + CallTiming.tsvHeader() + "\n");
        cold.calls().forEach(t -> tsv.append("cold\t").append(t.tsv()).append('\n'));
        warm.calls().forEach(t -> tsv.append("warm\t").append(t.tsv()).append('\n'));
        Files.writeString(file, tsv);
    }
}
