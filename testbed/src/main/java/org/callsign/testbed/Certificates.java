package org.callsign.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.callsign.testbed.up.CertificateFiles;
import org.callsign.testbed.up.LocalCa;
import org.callsign.testbed.up.Pem;

/**
 * The testbed's certificates, generated when it starts and written as PEM to its temporary directory: a
 * {@link LocalCa} ({@code ca.pem}) and, per host name, a leaf certificate for that name and {@code 127.0.0.1} (so that
 * test clients may connect by IP), with its chain ({@code <host>.crt}: leaf, then CA) and key ({@code <host>.key}).
 */
final class Certificates {
    /** How long the testbed's CA and certificates are valid: one test run. */
    static final Duration VALIDITY = Duration.ofDays(1);

    private final LocalCa ca;
    private final Path directory;
    private final Path caPem;

    private Certificates(LocalCa ca, Path directory, Path caPem) {
        this.ca = ca;
        this.directory = directory;
        this.caPem = caPem;
    }

    /** A new CA; its certificate is written to {@code directory/ca.pem}. */
    static Certificates create(Path directory) throws IOException {
        LocalCa ca = LocalCa.create("Callsign testbed CA", VALIDITY);
        Path caPem = directory.resolve("ca.pem");
        Files.writeString(caPem, Pem.certificates(ca.certificate()));
        return new Certificates(ca, directory, caPem);
    }

    LocalCa ca() {
        return ca;
    }

    Path caPem() {
        return caPem;
    }

    /** Issues a certificate for {@code host} and {@code 127.0.0.1} and writes it; the key file is {@code rw-------}. */
    CertificateFiles issue(String host) throws IOException {
        return ca.issue(VALIDITY, host, "127.0.0.1")
                .write(directory.resolve(host + ".crt"), directory.resolve(host + ".key"));
    }
}
