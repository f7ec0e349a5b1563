package org.callsign.testbed.up;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The flags of {@code ./callsign up}. The services' names are {@code idp.<domain>} and {@code sig.<domain>}; with
 * their ports they are the services' origins ({@code https://idp.callsign.localhost:8443}).
 *
 * @param dataDir where everything is kept ({@code --data}, default {@code ./data})
 * @param domain the personal domain ({@code --domain}, default {@value #DEFAULT_DOMAIN})
 * @param host the address both services listen on ({@code --host}, default {@value #DEFAULT_HOST})
 * @param idpPort the IdP's HTTPS port ({@code --idp-port}, default {@value #DEFAULT_IDP_PORT})
 * @param signalingPort the signaling server's HTTPS port ({@code --signaling-port}, default
 *     {@value #DEFAULT_SIGNALING_PORT})
 * @param help whether {@code --help} was given
 */
public record UpOptions(Path dataDir, String domain, String host, int idpPort, int signalingPort, boolean help) {
    public static final String DEFAULT_DOMAIN = "callsign.localhost";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_IDP_PORT = 8443;
    public static final int DEFAULT_SIGNALING_PORT = 8444;

    /** What {@code ./callsign up --help} prints. */
    public static final String USAGE = String.join(
            "\n",
            "Usage: ./callsign up [--data DIR] [--domain NAME] [--host IP] [--idp-port N] [--signaling-port N]",
            "",
            "Starts an IdP (https://idp.NAME:IDP-PORT) and a signaling server (https://sig.NAME:SIGNALING-PORT)",
            "for one personal domain on this machine, keeping everything under DIR. Ctrl-C stops both.",
            "",
            "  --data DIR            data directory (default ./data): keys, stores, CA, certificates, logs",
            "  --domain NAME         the domain (default " + DEFAULT_DOMAIN + ")",
            "  --host IP             the address both services listen on (default " + DEFAULT_HOST + ")",
            "  --idp-port N          the IdP's HTTPS port (default " + DEFAULT_IDP_PORT + ")",
            "  --signaling-port N    the signaling server's HTTPS port (default " + DEFAULT_SIGNALING_PORT + ")",
            "  --help                show this help");

    private static final Set<String> FLAGS = Set.of("--data", "--domain", "--host", "--idp-port", "--signaling-port");
    private static final Pattern HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IP = Pattern.compile("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    /** Parses {@code --flag value} and {@code --flag=value}; anything else is a {@link UsageException}. */
    public static UpOptions parse(String... args) throws UsageException {
        Path dataDir = Path.of("data");
        String domain = DEFAULT_DOMAIN;
        String host = DEFAULT_HOST;
        int idpPort = DEFAULT_IDP_PORT;
        int signalingPort = DEFAULT_SIGNALING_PORT;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String value = null;
            int equals = flag.indexOf('=');
            if (flag.startsWith("--") && equals > 0) {
                value = flag.substring(equals + 1);
                flag = flag.substring(0, equals);
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                return new UpOptions(dataDir, domain, host, idpPort, signalingPort, true);
            }
            if (!FLAGS.contains(flag)) {
                throw new UsageException(
                        flag.startsWith("-") ? "unknown flag: " + flag : "unexpected argument: " + flag);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException(flag + " needs a value");
                }
                value = args[++i];
            }
            switch (flag) {
                case "--data":
                    dataDir = Path.of(value);
                    break;
                case "--domain":
                    domain = domain(value);
                    break;
                case "--host":
                    host = host(value);
                    break;
                case "--idp-port":
                    idpPort = port(flag, value);
                    break;
                case "--signaling-port":
                    signalingPort = port(flag, value);
                    break;
                default:
                    throw new UsageException("unknown flag: " + flag);
            }
        }
        if (idpPort == signalingPort) {
            throw new UsageException("--idp-port and --signaling-port are both " + idpPort);
        }
        return new UpOptions(dataDir, domain, host, idpPort, signalingPort, false);
    }

    /** The IdP's host name: {@code idp.<domain>}. */
    public String idpHost() {
        return "idp." + domain;
    }

    /** The signaling server's host name: {@code sig.<domain>}. */
    public String signalingHost() {
        return "sig." + domain;
    }

    /** The IdP's origin, its issuer: {@code https://idp.<domain>:<idp-port>}. */
    public String idpOrigin() {
        return "https://" + idpHost() + ":" + idpPort;
    }

    /** The signaling server's origin, its public URL: {@code https://sig.<domain>:<signaling-port>}. */
    public String signalingOrigin() {
        return "https://" + signalingHost() + ":" + signalingPort;
    }

    /** The address to connect to: {@link #host}, or {@code 127.0.0.1} when it is a wildcard address. */
    public String connectHost() {
        return host.equals("0.0.0.0") || host.equals("::") ? DEFAULT_HOST : host;
    }

    /** {@code https://<connect host>:<port>}, with an IPv6 literal in brackets. */
    public String byAddress(int port) {
        String address = connectHost();
        return "https://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }

    private static String domain(String value) throws UsageException {
        String domain = value.toLowerCase(Locale.ROOT);
        if (domain.length() > 240 || !HOST_NAME.matcher(domain).matches()) {
            throw new UsageException("--domain: not a domain name: " + value);
        }
        return domain;
    }

    private static String host(String value) throws UsageException {
        if (!IP.matcher(value).matches()) {
            throw new UsageException("--host: not an IP address: " + value);
        }
        return value;
    }

    private static int port(String flag, String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(flag + ": not a port (1 to 65535): " + value);
    }
}
