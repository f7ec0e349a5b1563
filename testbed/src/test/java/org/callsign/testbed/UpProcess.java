package org.callsign.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callsign.testbed.up.ServerProcess;
import org.callsign.testbed.up.Up;

/**
 * {@code ./callsign up} as a child process of a test, started as the launcher starts it: this JVM's {@code java} on
 * the module's classes and runtime classpath ({@code target/classpath.txt}, system property
 * {@code testbed.up.classpath-file}) with the services' jars as system properties. Its output (standard output and
 * error together) is read line by line.
 */
final class UpProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;
    private final List<String> lines = new ArrayList<>();

    private UpProcess(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code up} with {@code args}. */
    static UpProcess start(String... args) throws IOException {
        return start(Path.of(System.getProperty("java.io.tmpdir")), args);
    }

    /** Starts {@code up} with {@code args} and {@code tmpDir} as its (and its services') temporary directory. */
    static UpProcess start(Path tmpDir, String... args) throws IOException {
        List<String> command = javaCommand(
                tmpDir,
                List.of(
                        "-D" + Up.IDP_JAR_PROPERTY + "=" + property("testbed.idp-server.jar"),
                        "-D" + Up.SIGNALING_JAR_PROPERTY + "=" + property("testbed.signaling-server.jar")),
                Up.class.getName(),
                List.of(args));
        return new UpProcess(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * The command line with which the launcher runs a main class of this module: this JVM's {@code java} with
     * {@code tmpDir} as {@code java.io.tmpdir}, {@code properties} ({@code -D…}), the module's classes and runtime
     * classpath ({@code target/classpath.txt}, system property {@code testbed.up.classpath-file}), then {@code args}.
     */
    static List<String> javaCommand(Path tmpDir, List<String> properties, String mainClass, List<String> args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ServerProcess.jvmFlags());
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.addAll(properties);
        command.add("-cp");
        command.add(property("testbed.up.classes") + ":"
                + Files.readString(Path.of(property("testbed.up.classpath-file")))
                        .strip());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** The value of the system property {@code name}, set by the module's pom. */
    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " not set (see pom.xml)");
        }
        return value;
    }

    /** Reads output until {@link Up#READY_LINE}; fails with the output so far if {@code up} ends before it. */
    List<String> awaitReady() throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            lines.add(line);
            if (line.equals(Up.READY_LINE)) {
                return List.copyOf(lines);
            }
        }
        throw new IllegalStateException("up ended before it was ready:\n" + String.join("\n", lines));
    }

    /** The value of the banner line {@code "  <label>  <value>   (…)"}. */
    String banner(String label) {
        for (String line : lines) {
            if (line.startsWith("  " + label + " ")) {
                return line.substring(label.length() + 2).strip().split("\\s+")[0];
            }
        }
        throw new IllegalStateException("no line '" + label + "' in:\n" + String.join("\n", lines));
    }

    /** Reads the rest of the output and waits for the exit status. */
    int awaitExit() throws IOException, InterruptedException {
        String line;
        while ((line = output.readLine()) != null) {
            lines.add(line);
        }
        return process.waitFor();
    }

    /** Everything {@code up} printed so far. */
    String output() {
        return String.join("\n", lines);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * SIGTERM, as a service manager or {@code kill} sends it. Through the {@link ProcessHandle}: {@link
     * Process#destroy()} would also close the output being read.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
