package org.callsign.testbed.firefox;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Debian's {@code firefox-esr} and {@code certutil} ({@code libnss3-tools}) are: the only browser with the W3C
 * webrtc-identity API built in. Tests that need them are disabled with {@link #MISSING} where they are missing
 * ({@code @EnabledIf} on {@link #installed}), except under CI ({@code CI=true}), which installs them ({@code .ci/run})
 * and fails instead.
 */
public final class FirefoxEsr {
    static final Path BINARY = Path.of(System.getProperty("testbed.firefox", "/usr/bin/firefox-esr"));
    static final Path CERTUTIL = Path.of(System.getProperty("testbed.certutil", "/usr/bin/certutil"));
    public static final String MISSING =
            "firefox-esr or certutil is not installed: apt-get install firefox-esr libnss3-tools";

    private FirefoxEsr() {}

    /** Whether both programs are installed; under CI their absence is an error. */
    public static boolean installed() {
        boolean present = Files.isExecutable(BINARY) && Files.isExecutable(CERTUTIL);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING);
        }
        return present;
    }
}
