package org.callsign.benchmarks.idp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where idp-server's CPU goes while it issues assertions: the JFR execution samples of a recording made by
 * {@code AssertionLoad --profile-clients}, each given to one part of the work, and the hottest leaf methods.
 *
 * <p>A sample goes to the first {@link #PARTS part} whose marker is anywhere on its stack, in the order listed: the
 * specific parts of the assertion come before the generic ones, so that, say, the JSON decoding of a session record
 * counts as "store: JSON records" and not as "HTTP body JSON". Execution samples see threads running Java code only:
 * time in system calls (socket reads and writes) and in the GC and JIT threads is not in them.
 *
 * <p>Usage: {@code JfrBreakdown <recording.jfr>}.
 */
public final class JfrBreakdown {
    /** Part name, then the class or method name prefixes that mark it. */
    private static final Map<String, List<String>> PARTS = parts();

    private static final int TOP_METHODS = 20;

    private JfrBreakdown() {}

    private static Map<String, List<String>> parts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("ES256 signature (ECDSASigner.sign)", List.of("com.nimbusds.jose.crypto.ECDSASigner.sign"));
        parts.put("signer from the JWK (KeyAlgorithm.signer)", List.of("org.callsign.idp.key.KeyAlgorithm.signer"));
        parts.put(
                "store: JSON records (JsonRecords)",
                List.of(
                        "org.callsign.server.store.JsonRecords.",
                        "org.callsign.server.store.JsonNamespace.",
                        "org.callsign.idp.store.JsonRecords."));
        parts.put(
                "store: MVStore reads",
                List.of(
                        "org.callsign.server.store.MvStoreKeyValueStore.",
                        "org.callsign.idp.store.MvStoreKeyValueStore.",
                        "org.h2.mvstore."));
        parts.put(
                "token check, rest (SessionService, CurrentUser)",
                List.of(
                        "org.callsign.idp.session.service.SessionService.",
                        "org.callsign.idp.session.service.CurrentUser.",
                        "org.callsign.server.secret.OpaqueTokens."));
        parts.put("consent checks, rest (ConsentService)", List.of("org.callsign.idp.consent.service."));
        parts.put(
                "contents check (FingerprintContents)",
                List.of("org.callsign.idp.assertion.service.FingerprintContents."));
        parts.put(
                "claims, jti, JWS serialisation (rest of AssertionService)",
                List.of("org.callsign.idp.assertion.service.AssertionService."));
        parts.put(
                "filters (CSRF, body size)",
                List.of("org.callsign.idp.session.rest.CsrfFilter.", "org.callsign.idp.api."));
        parts.put(
                "HTTP body JSON (Jackson)", List.of("com.fasterxml.jackson.", "io.quarkus.resteasy.reactive.jackson."));
        parts.put("TLS (JSSE)", List.of("sun.security.ssl.", "com.sun.crypto.provider.", "javax.crypto."));
        parts.put(
                "REST layer (RESTEasy Reactive, Arc)",
                List.of("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive.", "io.quarkus.arc."));
        parts.put("HTTP and I/O (Vert.x, Netty)", List.of("io.vertx.", "io.netty.", "io.quarkus.vertx."));
        return parts;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JfrBreakdown <recording.jfr>");
            System.exit(2);
        }
        Map<String, Long> byPart = new LinkedHashMap<>();
        PARTS.keySet().forEach(part -> byPart.put(part, 0L));
        byPart.put("other", 0L);
        Map<String, Long> leaves = new LinkedHashMap<>();
        Map<String, Long> threads = new LinkedHashMap<>();
        long total = 0;
        long native_ = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.NativeMethodSample")) {
                    native_++;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (!type.equals("jdk.ExecutionSample")
                        || stack == null
                        || stack.getFrames().isEmpty()) {
                    continue;
                }
                total++;
                List<RecordedFrame> frames = stack.getFrames();
                byPart.merge(part(frames), 1L, Long::sum);
                leaves.merge(name(frames.get(0)), 1L, Long::sum);
                String thread = event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("-?\\d+$", "-*"), 1L, Long::sum);
            }
        }
        System.out.printf("%d execution samples (threads in Java code); %d native-method samples%n%n", total, native_);
        print("part of the work", byPart, total, Integer.MAX_VALUE);
        print("thread", threads, total, 10);
        print("leaf method (self time)", leaves, total, TOP_METHODS);
    }

    private static String part(List<RecordedFrame> frames) {
        for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                for (String marker : part.getValue()) {
                    if (name.startsWith(marker)) {
                        return part.getKey();
                    }
                }
            }
        }
        return "other";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Long> counts, long total, int limit) {
        System.out.printf("| %s | samples | share |%n|---|---:|---:|%n", title);
        counts.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(entry -> System.out.printf(
                        Locale.ROOT,
                        "| `%s` | %d | %.1f %% |%n",
                        entry.getKey(),
                        entry.getValue(),
                        100.0 * entry.getValue() / total));
        System.out.println();
    }
}
