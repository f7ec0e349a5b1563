package org.callsign.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromedriver} (no browser or driver download):
 * fake camera and microphone, the testbed's names mapped to 127.0.0.1 ({@code --host-resolver-rules}), and the
 * testbed's CA trusted the way Chromium on Linux trusts a CA, in the NSS database of its {@code $HOME}
 * ({@code certutil}, Debian {@code libnss3-tools}); certificates are checked as usual. Each instance has its own
 * profile and home under {@code dir}, removed by {@link #close} (the driver's log stays).
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CERTUTIL = Path.of("/usr/bin/certutil");
    static final String MISSING = "chromium, chromium-driver and libnss3-tools (certutil) are needed";

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path dir;

    private Chromium(ChromeDriver driver, ChromeDriverService service, Path dir) {
        this.driver = driver;
        this.service = service;
        this.dir = dir;
    }

    /** Skips the calling test where the browser is missing; under CI ({@code CI=true}) fails instead. */
    static void assumeInstalled() {
        boolean present = Stream.of(BROWSER, DRIVER, CERTUTIL).allMatch(Files::isExecutable);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING);
        }
        Assumptions.assumeTrue(present, MISSING + "; skipping the browser test");
    }

    /** Starts a browser whose profile lives in {@code dir}, trusting {@code caPem}, resolving {@code hosts} locally. */
    static Chromium start(Path dir, Path caPem, Collection<String> hosts) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path nss = Files.createDirectories(home.resolve(".pki/nssdb"));
        run(List.of(CERTUTIL.toString(), "-N", "-d", "sql:" + nss, "--empty-password"));
        run(List.of(
                CERTUTIL.toString(),
                "-A",
                "-d",
                "sql:" + nss,
                "-n",
                "callsign-testbed",
                "-t",
                "C,,",
                "-i",
                caPem.toString()));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-gpu",
                "--window-size=1100,1000",
                "--user-data-dir=" + dir.resolve("profile"),
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--autoplay-policy=no-user-gesture-required",
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--allow-loopback-in-peer-connection",
                "--host-resolver-rules="
                        + hosts.stream()
                                .map(host -> "MAP " + host + " 127.0.0.1")
                                .collect(Collectors.joining(",")));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("HOME", home.toString()))
                .withLogFile(dir.resolve("chromedriver.log").toFile())
                .build();
        return new Chromium(new ChromeDriver(service, options), service, dir);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** What the browser's console printed since the last call, one line per entry (for failure messages). */
    static String console(ChromeDriver driver) {
        return driver.manage().logs().get("browser").getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .collect(Collectors.joining("\n"));
    }

    /** Saves a PNG of the page as it is now. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Writes what a failed step needs to be understood to {@code dir}: a screenshot of every window, the texts of
     * {@code ids} on the page, and what the console printed.
     */
    void report(Path dir, String name, List<String> ids) throws IOException {
        Files.createDirectories(dir);
        StringBuilder report = new StringBuilder();
        String page = driver.getWindowHandle();
        int window = 0;
        for (String handle : driver.getWindowHandles()) {
            driver.switchTo().window(handle);
            report.append("window ")
                    .append(window)
                    .append(": ")
                    .append(driver.getCurrentUrl())
                    .append('\n');
            screenshot(dir.resolve(name + "-" + window++ + ".png"));
        }
        driver.switchTo().window(page);
        for (String id : ids) {
            report.append('#')
                    .append(id)
                    .append(": ")
                    .append(ChromiumWebClient.text(driver, id))
                    .append('\n');
        }
        report.append("console:\n").append(console(driver)).append('\n');
        Files.writeString(dir.resolve(name + ".txt"), report);
    }

    /** Polls {@code condition} until it holds; fails with {@code what} after {@code timeout}. */
    static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            CallSteps.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("not within " + timeout + ": " + what, last);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            for (Path tree : List.of(dir.resolve("home"), dir.resolve("profile"))) {
                if (Files.exists(tree)) {
                    try (Stream<Path> files = Files.walk(tree)) {
                        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(file);
                        }
                    }
                }
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
