package org.callsign.testbed.demo;

import java.nio.file.Path;
import org.callsign.testbed.up.UsageException;

/**
 * The flags of {@code ./callsign demo}.
 *
 * @param json whether to print the report as one JSON document ({@code --json}); progress then goes to stderr
 * @param logDir where the servers and the push service write their logs ({@code --logs}, default
 *     {@value #DEFAULT_LOGS}); kept after the run
 * @param help whether {@code --help} was given
 */
public record DemoOptions(boolean json, Path logDir, boolean help) {
    public static final String DEFAULT_LOGS = "target/demo-logs";

    /** What {@code ./callsign demo --help} prints. */
    public static final String USAGE = String.join(
            "\n",
            "Usage: ./callsign demo [--json] [--logs DIR]",
            "",
            "Runs the whole architecture on this machine and narrates it: two domains (an IdP and a signaling",
            "server each, HTTPS), alice@idp-a.test calling per@idp-b.test, whose sleeping phone a push wakes, real",
            "WebRTC peers verifying each other's identity, DTLS and a data channel, and three attacks that must",
            "fail. Ends with a summary; exits 0 only if every step behaved as expected.",
            "",
            "  --json       print the report as one JSON document on stdout (progress on stderr)",
            "  --logs DIR   the servers' logs (default " + DEFAULT_LOGS + ")",
            "  --help       show this help");

    /** Parses the arguments after {@code demo}. */
    public static DemoOptions parse(String... args) throws UsageException {
        boolean json = false;
        boolean help = false;
        Path logDir = Path.of(DEFAULT_LOGS);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--help", "-h" -> help = true;
                case "--logs" -> {
                    if (i + 1 == args.length || args[i + 1].isBlank()) {
                        throw new UsageException("--logs needs a directory");
                    }
                    logDir = Path.of(args[++i]);
                }
                default -> throw new UsageException("unknown argument: " + args[i]);
            }
        }
        return new DemoOptions(json, logDir.toAbsolutePath().normalize(), help);
    }
}
