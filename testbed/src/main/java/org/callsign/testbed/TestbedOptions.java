package org.callsign.testbed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a test class (or the demo) adds to the two domains, fixed before the servers start (they read their
 * configuration once):
 *
 * <ul>
 *   <li>{@link #extraHosts}: more host names, served by one scriptable {@code TestHttpsServer} with a certificate of
 *       the testbed's CA ({@link TwoDomains#extraServer()}) and mapped in the signaling servers' {@code net.connect-to},
 *       so that they reach, say, a hostile server at {@code https://evil.test};
 *   <li>{@link #localDns}: a dnsmasq on loopback as the signaling servers' {@code net.dns-servers}, authoritative for
 *       {@code .test}, so that the DNS SRV fallback of discovery gets NXDOMAIN (or {@link #dnsRecords}) at once rather
 *       than asking the machine's resolver;
 *   <li>{@link #signalingProperties}: configuration of both signaling servers over the testbed's own
 *       ({@link TestbedTuning}), such as a longer ring timeout;
 *   <li>{@link #clusterRedisUrl}: domain B's signaling server as a cluster of two nodes on that Redis, the second on
 *       {@link TwoDomains#secondNodePort()} (sig-b.test names the first).
 * </ul>
 *
 * @param extraHosts host names besides the four of the testbed, lower case
 * @param localDns whether to run dnsmasq for the signaling servers
 * @param dnsRecords dnsmasq options giving records ({@code --srv-host=…}), with {@code localDns}
 * @param signalingProperties system properties for both signaling servers ({@code callsign.signaling.…})
 * @param clusterRedisUrl a Redis for domain B's two signaling nodes, or {@code null} for one server
 */
public record TestbedOptions(
        List<String> extraHosts,
        boolean localDns,
        List<String> dnsRecords,
        Map<String, String> signalingProperties,
        String clusterRedisUrl) {

    /** The two domains and nothing else; DNS as the machine has it. */
    public static final TestbedOptions NONE = new TestbedOptions(List.of(), false, List.of(), Map.of(), null);

    public TestbedOptions {
        extraHosts = extraHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        dnsRecords = List.copyOf(dnsRecords);
        signalingProperties = Map.copyOf(signalingProperties);
        for (String host : extraHosts) {
            if (!host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
                throw new IllegalArgumentException("not a host name: " + host);
            }
        }
    }

    /** These options with {@code hosts} added to the extra hosts. */
    public TestbedOptions withExtraHosts(String... hosts) {
        List<String> all = new ArrayList<>(extraHosts);
        all.addAll(List.of(hosts));
        return new TestbedOptions(all, localDns, dnsRecords, signalingProperties, clusterRedisUrl);
    }

    /** These options with a local dnsmasq answering {@code records} (dnsmasq options) and NXDOMAIN otherwise. */
    public TestbedOptions withLocalDns(String... records) {
        List<String> all = new ArrayList<>(dnsRecords);
        all.addAll(List.of(records));
        return new TestbedOptions(extraHosts, true, all, signalingProperties, clusterRedisUrl);
    }

    /** These options with the signaling servers' property {@code name} set to {@code value}. */
    public TestbedOptions withSignalingProperty(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(signalingProperties);
        all.put(name, value);
        return new TestbedOptions(extraHosts, localDns, dnsRecords, all, clusterRedisUrl);
    }

    /** These options with domain B's signaling server as two cluster nodes on the Redis at {@code redisUrl}. */
    public TestbedOptions withSignalingCluster(String redisUrl) {
        return new TestbedOptions(extraHosts, localDns, dnsRecords, signalingProperties, redisUrl);
    }
}
