package org.callsign.testbed.demo;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.callsign.testbed.up.UsageException;

/**
 * {@code ./callsign demo}: the whole architecture on loopback, narrated — {@link DemoScenario}'s call, then
 * {@link DemoAttacks} — with a progress line per step and a summary ({@link DemoReport}). Exits 0 if every step
 * behaved as expected, 1 if one did not, 2 for a bad command line. Everything it starts is stopped and every
 * temporary file removed when it ends, however it ends (a shutdown hook covers Ctrl-C and SIGTERM: see
 * {@link DemoWorld#abort}); the logs stay.
 *
 * <p>The jars of the services are the system properties {@code testbed.idp-server.jar} and
 * {@code testbed.signaling-server.jar} (the launcher sets them).
 */
public final class Demo {
    /** The number of steps, for the progress lines. */
    static final int STEPS = 10;

    private Demo() {}

    public static void main(String[] args) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (UsageException e) {
            System.err.println("callsign demo: " + e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        DemoReport report = run(options, options.json() ? System.err : System.out);
        System.out.print(options.json() ? report.toJson() + "\n" : report.toText());
        // The report is the last thing on stdout. Closing it (file descriptor 1) keeps it so: libwebrtc's native
        // threads write "Failed to attach thread" there as the JVM exits on JDK 24 and later, which would break
        // the JSON document for scripts.
        System.out.flush();
        System.out.close();
        System.exit(report.ok() ? 0 : 1);
    }

    /** Runs the demo, printing progress to {@code progress}; everything started is stopped before it returns. */
    static DemoReport run(DemoOptions options, PrintStream progress) {
        progress.println("Callsign demo: two domains on this machine, real WebRTC peers, and attacks that must fail");
        progress.println("(logs in " + options.logDir() + ")");
        DemoWorld world = new DemoWorld();
        Thread hook = new Thread(world::abort, "callsign-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        StepRunner steps = new StepRunner(progress, STEPS);
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("logs", options.logDir().toString());
        environment.put("jdk", Runtime.version().toString());
        try {
            new DemoScenario(world, options.logDir()).run(steps);
            new DemoAttacks(world).run(steps);
            if (world.bed != null) {
                environment.put("ports", world.bed.connectTo());
                environment.put("temporaryDirectory", world.bed.directory().toString());
            }
        } finally {
            world.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running already; the world is closed either way.
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new DemoReport(steps.results(), world.calls(), millis, environment);
    }
}
