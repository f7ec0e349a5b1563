package org.callsign.testbed.firefox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code firefox-esr}, headless, on a throw-away profile ({@link FirefoxProfile}), driven over WebDriver BiDi
 * ({@code --remote-debugging-port}): open a page, run a script in it and take what its promise resolves to. One
 * browser serves every case of a test class (a start takes seconds, an identity step milliseconds). {@link #close}
 * ends the browser and its content processes and removes the profile.
 */
public final class Firefox implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final Path profile;
    private final ConnectProxy proxy;
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private BiDiConnection bidi;
    private String context;

    private Firefox(Path profile, ConnectProxy proxy, Process process) {
        this.profile = profile;
        this.proxy = proxy;
        this.process = process;
    }

    /**
     * Starts Firefox trusting the CA in {@code caPem}, reaching the names of {@code routes} through a
     * {@link ConnectProxy} ({@code <name>:443} at the loopback port given, {@code <name>:<port>} at that port); fails
     * where it is not installed ({@link FirefoxEsr}).
     */
    public static Firefox start(Path caPem, Map<String, Integer> routes) throws IOException, InterruptedException {
        if (!FirefoxEsr.installed()) {
            throw new IllegalStateException(FirefoxEsr.MISSING);
        }
        Path profile = Files.createTempDirectory("callsign-firefox-");
        ConnectProxy proxy = ConnectProxy.start(routes);
        Firefox firefox = null;
        try {
            FirefoxProfile.write(profile, caPem, proxy.port());
            Process process = new ProcessBuilder(
                            FirefoxEsr.BINARY.toString(),
                            "--headless",
                            "--no-remote",
                            "--profile",
                            profile.toString(),
                            "--remote-debugging-port",
                            "0",
                            "about:blank")
                    .redirectErrorStream(true)
                    .start();
            firefox = new Firefox(profile, proxy, process);
            firefox.connect();
            return firefox;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (firefox != null) {
                firefox.close();
            } else {
                proxy.close();
                FirefoxProfile.delete(profile);
            }
            throw e;
        }
    }

    private void connect() throws IOException, InterruptedException {
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            synchronized (output) {
                                output.add(line);
                            }
                            Matcher matcher = LISTENING.matcher(line);
                            if (matcher.find()) {
                                address.complete(matcher.group(1));
                            }
                        }
                    } catch (IOException e) {
                        address.completeExceptionally(e);
                    }
                    address.completeExceptionally(new IOException("firefox-esr ended: " + output()));
                },
                "firefox-output");
        reader.setDaemon(true);
        reader.start();
        try {
            String ws = address.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            bidi = BiDiConnection.open(URI.create(ws + "/session"));
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("firefox-esr did not offer WebDriver BiDi: " + output(), e);
        }
        ObjectNode capabilities = BiDiConnection.params();
        capabilities.putObject("capabilities");
        bidi.call("session.new", capabilities, START_TIMEOUT);
        JsonNode tree = bidi.call("browsingContext.getTree", BiDiConnection.params(), STEP_TIMEOUT);
        context = tree.path("contexts").path(0).path("context").asText();
    }

    /** Loads {@code url} in the tab and waits until the page has loaded. */
    public void open(URI url) throws IOException, InterruptedException {
        ObjectNode params = BiDiConnection.params().put("context", context).put("url", url.toString());
        params.put("wait", "complete");
        bidi.call("browsingContext.navigate", params, STEP_TIMEOUT);
    }

    /**
     * Evaluates {@code expression} in the tab's page and returns what it (or the promise it gives) resolves to, which
     * must be a string: the pages answer with {@code JSON.stringify}. A thrown error throws here with its text.
     */
    public String evaluate(String expression) throws IOException, InterruptedException {
        return evaluateIn(context, expression);
    }

    /**
     * Evaluates {@code expression} in the first other window (a page the tab opened, such as an IdP's login page)
     * whose address starts with {@code urlPrefix}, waiting up to 10 s for one to appear.
     */
    public String evaluateInWindow(String urlPrefix, String expression) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonNode tree = bidi.call("browsingContext.getTree", BiDiConnection.params(), STEP_TIMEOUT);
            for (JsonNode node : tree.path("contexts")) {
                if (node.path("url").asText().startsWith(urlPrefix)) {
                    return evaluateIn(node.path("context").asText(), expression);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("no window at " + urlPrefix + " in " + tree);
            }
            Thread.sleep(100);
        }
    }

    private String evaluateIn(String target, String expression) throws IOException, InterruptedException {
        ObjectNode params =
                BiDiConnection.params().put("expression", expression).put("awaitPromise", true);
        params.putObject("target").put("context", target);
        JsonNode result = bidi.call("script.evaluate", params, STEP_TIMEOUT);
        if ("exception".equals(result.path("type").asText())) {
            throw new IOException("script failed: "
                    + result.path("exceptionDetails").path("text").asText());
        }
        JsonNode value = result.path("result");
        if (!"string".equals(value.path("type").asText())) {
            throw new IOException("script gave no string: " + value);
        }
        return value.path("value").asText();
    }

    /** What Firefox printed so far (its log, for failure messages). */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Ends the session, the browser and every process it started, the proxy, then removes the profile. */
    @Override
    public void close() throws IOException {
        if (bidi != null) {
            bidi.close();
        }
        List<ProcessHandle> children = process.descendants().toList();
        try {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.destroyForcibly();
                child.onExit().completeOnTimeout(child, 10, TimeUnit.SECONDS).join();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        } finally {
            proxy.close();
            FirefoxProfile.delete(profile);
        }
    }
}
