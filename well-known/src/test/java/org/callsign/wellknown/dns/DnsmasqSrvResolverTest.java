package org.callsign.wellknown.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The resolver against a real dnsmasq on loopback, answering from records given on its command line. */
class DnsmasqSrvResolverTest {
    private static final int TTL = 300;
    private static final int BIG = 30;

    @TempDir
    static Path dir;

    private static Dnsmasq dnsmasq;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    @BeforeAll
    static void startDnsmasq() throws Exception {
        List<String> records = new ArrayList<>(List.of(
                "--local-ttl=" + TTL,
                "--local=/test/",
                "--srv-host=_callsign._tcp.idp-b.test,sig-b.test,8443,10,5",
                "--srv-host=_callsign._tcp.idp-b.test,sig-b2.test,8444,10,1",
                "--srv-host=_callsign._tcp.idp-b.test,backup.test,9443,20,0",
                "--srv-host=_callsign._tcp.none.test,.,0",
                "--txt-record=_callsign._tcp.nodata.test,not an SRV record"));
        // More than 512 octets of answer: dnsmasq sets TC over UDP.
        for (int i = 1; i <= BIG; i++) {
            records.add("--srv-host=_callsign._tcp.big.test,a-rather-long-target-name-" + i + ".example.test,"
                    + (8000 + i) + "," + i + ",1");
        }
        dnsmasq = Dnsmasq.start(dir, records);
    }

    @AfterAll
    static void stopDnsmasq() throws Exception {
        if (dnsmasq != null) {
            dnsmasq.close();
        }
    }

    private DnsResolverConfig.Builder config(InetSocketAddress... servers) {
        return DnsResolverConfig.builder()
                .servers(List.of(servers))
                .timeout(Duration.ofMillis(500))
                .totalTimeout(Duration.ofSeconds(3))
                .cache(new SrvCache(clock))
                .random(new SplittableRandom(11));
    }

    private DnsSrvResolver resolver() {
        return new DnsSrvResolver(config(dnsmasq.address()).build());
    }

    @Test
    void returnsTargetsByPriorityWithPortsAndTtl() throws Exception {
        List<SrvRecord> records = resolver().lookup("_callsign._tcp.idp-b.test");
        assertEquals(3, records.size());
        assertEquals(
                Set.of(
                        new SrvRecord(10, 5, 8443, "sig-b.test", Duration.ofSeconds(TTL)),
                        new SrvRecord(10, 1, 8444, "sig-b2.test", Duration.ofSeconds(TTL))),
                Set.copyOf(records.subList(0, 2)));
        assertEquals(new SrvRecord(20, 0, 9443, "backup.test", Duration.ofSeconds(TTL)), records.get(2));
    }

    @Test
    void picksTheHeavierTargetFirstInProportionToWeight() throws Exception {
        DnsSrvResolver resolver = resolver();
        int rounds = 3000;
        int heavyFirst = 0;
        for (int i = 0; i < rounds; i++) {
            if (resolver.lookup("_callsign._tcp.idp-b.test").get(0).target().equals("sig-b.test")) {
                heavyFirst++;
            }
        }
        // Weights 5 and 1: 5/6 ≈ 83 % (from the cache after the first lookup; the order is drawn each time).
        assertTrue(heavyFirst > 2350 && heavyFirst < 2650, "sig-b.test first " + heavyFirst + " of " + rounds);
    }

    @Test
    void returnsTheNoServiceRecordForTargetDot() throws Exception {
        List<SrvRecord> records = resolver().lookup("_callsign._tcp.none.test");
        assertEquals(1, records.size());
        assertTrue(records.get(0).noService(), records.toString());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "_callsign._tcp.nx.test,      no-such-domain",
        "_callsign._tcp.nodata.test,  no-records",
        "_callsign._tcp.idp.example,  refused",
    })
    void reportsNegativeAnswersAndRefusalWithDistinctCodes(String name, String code) {
        DnsException e = assertThrows(DnsException.class, () -> resolver().lookup(name));
        assertEquals(code, e.failure().code());
        assertTrue(e.getMessage().startsWith("dns " + code + " for " + name + ": "), e.getMessage());
    }

    @Test
    void readsTruncatedAnswersAgainOverTcp() throws Exception {
        List<SrvRecord> records = resolver().lookup("_callsign._tcp.big.test");
        assertEquals(BIG, records.size());
        for (int i = 0; i < BIG; i++) {
            assertEquals(i + 1, records.get(i).priority());
            assertEquals(8001 + i, records.get(i).port());
            assertEquals(
                    "a-rather-long-target-name-" + (i + 1) + ".example.test",
                    records.get(i).target());
        }
    }

    @Test
    void answersFromTheCacheForTheTtlThenAsksAgain() throws Exception {
        DnsSrvResolver resolver = resolver();
        assertEquals(Duration.ofSeconds(TTL), ttl(resolver.lookup("_callsign._tcp.none.test")));
        clock.advance(Duration.ofSeconds(TTL - 100));
        // dnsmasq always answers with the full TTL, so a shorter one can only come from the cache.
        assertEquals(Duration.ofSeconds(100), ttl(resolver.lookup("_callsign._tcp.none.test")));
        clock.advance(Duration.ofSeconds(100));
        assertEquals(Duration.ofSeconds(TTL), ttl(resolver.lookup("_callsign._tcp.none.test")));
    }

    private static Duration ttl(List<SrvRecord> records) {
        return records.get(0).ttl();
    }

    @Test
    void timesOutOnASilentServerThenAsksTheNext() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            InetSocketAddress address = new InetSocketAddress(silent.getLocalAddress(), silent.getLocalPort());
            DnsException e = assertThrows(
                    DnsException.class,
                    () -> new DnsSrvResolver(config(address).build()).lookup("_callsign._tcp.idp-b.test"));
            assertEquals(DnsFailure.TIMEOUT, e.failure());
            List<SrvRecord> records =
                    new DnsSrvResolver(config(address, dnsmasq.address()).build()).lookup("_callsign._tcp.none.test");
            assertTrue(records.get(0).noService());
        }
    }

    @Test
    void ignoresForgedAnswersAndTakesDnsmasqsAnswer() throws Exception {
        // A relay in front of dnsmasq that first sends a forged answer from another port and one with the
        // wrong id from its own port, both naming evil.test, then relays dnsmasq's real answer.
        SrvRecord evil = new SrvRecord(0, 100, 1, "evil.test", Duration.ofSeconds(86400));
        ScriptedDnsServer[] relay = new ScriptedDnsServer[1];
        relay[0] = new ScriptedDnsServer(request -> {
            DnsQuery query = request.query();
            ScriptedDnsServer.sendFromElsewhere(DnsPacket.answer(query, evil), request.client());
            relay[0].sendFromServer(
                    DnsPacket.answer(new DnsQuery(query.id() ^ 0xffff, query.name()), evil), request.client());
            return askDnsmasq(query.encode());
        });
        try (ScriptedDnsServer server = relay[0]) {
            List<SrvRecord> records =
                    new DnsSrvResolver(config(server.address()).build()).lookup("_callsign._tcp.idp-b.test");
            assertEquals(
                    Set.of("sig-b.test", "sig-b2.test", "backup.test"),
                    records.stream().map(SrvRecord::target).collect(Collectors.toSet()));
        }
    }

    private static byte[] askDnsmasq(byte[] query) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(2000);
            socket.send(new DatagramPacket(query, query.length, dnsmasq.address()));
            DatagramPacket answer = new DatagramPacket(new byte[512], 512);
            socket.receive(answer);
            return Arrays.copyOf(answer.getData(), answer.getLength());
        }
    }
}
