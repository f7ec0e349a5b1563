package org.callsign.wellknown.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code nameserver} lines of a resolver configuration file, as resolv.conf(5) reads them: IPv4 or IPv6
 * literals (an IPv6 scope such as {@code %eth0} allowed), port 53, at most {@link #MAX_NAMESERVERS}, comments
 * after {@code #} or {@code ;}. Host names are refused: resolving them would need the resolver being set up.
 */
public final class ResolvConf {
    public static final Path DEFAULT_PATH = Path.of("/etc/resolv.conf");
    /** The C library's limit (MAXNS); later lines are ignored as it ignores them. */
    public static final int MAX_NAMESERVERS = 3;

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[0-9A-Za-z_.-]{1,32})?");

    private ResolvConf() {}

    /** The servers of {@code /etc/resolv.conf}. */
    public static List<InetSocketAddress> nameservers() throws IOException {
        return nameservers(DEFAULT_PATH);
    }

    /**
     * The servers of the file at {@code path}.
     *
     * @throws IOException if the file cannot be read or names no usable server
     */
    public static List<InetSocketAddress> nameservers(Path path) throws IOException {
        List<InetSocketAddress> servers = parse(Files.readAllLines(path, StandardCharsets.UTF_8));
        if (servers.isEmpty()) {
            throw new IOException("no usable nameserver line in " + path);
        }
        return servers;
    }

    /** The servers named by {@code lines}; lines that are not a usable {@code nameserver} are skipped. */
    static List<InetSocketAddress> parse(List<String> lines) {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.strip().split("[ \t]+");
            if (fields.length < 2 || !fields[0].equals("nameserver") || servers.size() == MAX_NAMESERVERS) {
                continue;
            }
            InetAddress address = literal(fields[1]);
            if (address != null) {
                servers.add(new InetSocketAddress(address, DnsResolverConfig.DNS_PORT));
            }
        }
        return List.copyOf(servers);
    }

    /** An IP literal, without any name lookup; {@code null} for anything else. */
    private static InetAddress literal(String value) {
        boolean ipv6 = value.indexOf(':') >= 0 && IPV6.matcher(value).matches();
        if (!ipv6 && !IPV4.matcher(value).matches()) {
            return null;
        }
        try {
            // Only literals reach this point, and InetAddress parses those without asking DNS.
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
