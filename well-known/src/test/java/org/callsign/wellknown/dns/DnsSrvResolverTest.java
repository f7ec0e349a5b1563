package org.callsign.wellknown.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The resolver against {@link ScriptedDnsServer}s on loopback: script, run, verify. */
class DnsSrvResolverTest {
    private static final String NAME = "_callsign._tcp.idp-b.test";
    private static final SrvRecord SIG_B = new SrvRecord(10, 5, 8443, "sig-b.test", Duration.ofSeconds(300));
    private static final SrvRecord BACKUP = new SrvRecord(20, 0, 8444, "backup.test", Duration.ofSeconds(300));

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    private ScriptedDnsServer server(ScriptedDnsServer.Script udp, ScriptedDnsServer.Script tcp) throws IOException {
        ScriptedDnsServer server = new ScriptedDnsServer(udp, tcp);
        closeables.add(server);
        return server;
    }

    private ScriptedDnsServer server(ScriptedDnsServer.Script udp) throws IOException {
        return server(udp, request -> null);
    }

    /** A loopback UDP port that receives queries and never answers. */
    private InetSocketAddress silent() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        closeables.add(socket);
        return new InetSocketAddress(socket.getLocalAddress(), socket.getLocalPort());
    }

    private DnsResolverConfig.Builder config(InetSocketAddress... servers) {
        return DnsResolverConfig.builder()
                .servers(List.of(servers))
                .timeout(Duration.ofMillis(300))
                .totalTimeout(Duration.ofSeconds(2))
                .cache(new SrvCache(clock))
                .random(new SplittableRandom(7));
    }

    private DnsSrvResolver resolver(InetSocketAddress... servers) {
        return new DnsSrvResolver(config(servers).build());
    }

    @Test
    void returnsRecordsInPriorityOrder() throws Exception {
        ScriptedDnsServer server = server(request -> DnsPacket.answer(request.query(), BACKUP, SIG_B));
        assertEquals(List.of(SIG_B, BACKUP), resolver(server.address()).lookup(NAME));
    }

    @Test
    void asksAgainOverTcpWhenTheUdpAnswerIsTruncated() throws Exception {
        ScriptedDnsServer server = server(
                request -> new DnsPacket()
                        .header(request.query().id(), DnsPacket.QR | DnsPacket.TC, 1, 0, 0, 0)
                        .question(request.query().name(), 33, 1)
                        .bytes(),
                request -> ScriptedDnsServer.framed(DnsPacket.answer(request.query(), SIG_B)));
        assertEquals(List.of(SIG_B), resolver(server.address()).lookup(NAME));
        assertEquals(1, server.udpQueries());
        assertEquals(1, server.tcpQueries());
    }

    @Test
    void ignoresAnAnswerWithAnotherIdAndWaitsForTheRealOne() throws Exception {
        ScriptedDnsServer[] holder = new ScriptedDnsServer[1];
        holder[0] = server(request -> {
            DnsQuery forged =
                    new DnsQuery(request.query().id() ^ 0x5555, request.query().name());
            holder[0].sendFromServer(DnsPacket.answer(forged, BACKUP), request.client());
            return DnsPacket.answer(request.query(), SIG_B);
        });
        assertEquals(List.of(SIG_B), resolver(holder[0].address()).lookup(NAME));
    }

    @Test
    void ignoresAForgedAnswerFromAnotherAddress() throws Exception {
        ScriptedDnsServer server = server(request -> {
            ScriptedDnsServer.sendFromElsewhere(DnsPacket.answer(request.query(), BACKUP), request.client());
            sleep(50);
            return DnsPacket.answer(request.query(), SIG_B);
        });
        assertEquals(List.of(SIG_B), resolver(server.address()).lookup(NAME));
    }

    @Test
    void timesOutWhenOnlyForgedOrUnrelatedAnswersArrive() throws Exception {
        ScriptedDnsServer server = server(request -> {
            ScriptedDnsServer.sendFromElsewhere(DnsPacket.answer(request.query(), SIG_B), request.client());
            return DnsPacket.answer(new DnsQuery(request.query().id(), "_callsign._tcp.evil.test"), BACKUP);
        });
        DnsException e = assertThrows(
                DnsException.class, () -> resolver(server.address()).lookup(NAME));
        assertEquals(DnsFailure.TIMEOUT, e.failure());
        assertEquals(2, server.udpQueries(), "one query per attempt");
    }

    @Test
    void timesOutAgainstAServerThatNeverAnswers() throws Exception {
        DnsSrvResolver resolver = new DnsSrvResolver(config(silent())
                .totalTimeout(Duration.ofMillis(500))
                .attempts(5)
                .build());
        long start = System.nanoTime();
        DnsException e = assertThrows(DnsException.class, () -> resolver.lookup(NAME));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(DnsFailure.TIMEOUT, e.failure());
        assertEquals(NAME, e.name());
        assertTrue(e.getMessage().startsWith("dns timeout for " + NAME + ": "), e.getMessage());
        assertTrue(millis >= 450 && millis < 1500, "gave up after " + millis + " ms, total timeout 500 ms");
    }

    @Test
    void triesTheNextServerWhenOneTimesOut() throws Exception {
        ScriptedDnsServer good = server(request -> DnsPacket.answer(request.query(), SIG_B));
        assertEquals(List.of(SIG_B), resolver(silent(), good.address()).lookup(NAME));
    }

    @Test
    void triesTheNextServerAfterServfail() throws Exception {
        ScriptedDnsServer failing = server(request -> DnsPacket.rcode(request.query(), DnsResponse.RCODE_SERVFAIL));
        ScriptedDnsServer good = server(request -> DnsPacket.answer(request.query(), SIG_B));
        assertEquals(List.of(SIG_B), resolver(failing.address(), good.address()).lookup(NAME));
        assertEquals(1, failing.udpQueries());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(DnsResponse.RCODE_NXDOMAIN, DnsFailure.NO_SUCH_DOMAIN, "does not exist (NXDOMAIN)"),
                Arguments.of(DnsResponse.RCODE_NOERROR, DnsFailure.NO_RECORDS, "has no SRV record"),
                Arguments.of(DnsResponse.RCODE_SERVFAIL, DnsFailure.SERVER_FAILURE, "SERVFAIL from /127.0.0.1:"),
                Arguments.of(DnsResponse.RCODE_REFUSED, DnsFailure.REFUSED, "REFUSED by /127.0.0.1:"),
                Arguments.of(DnsResponse.RCODE_FORMERR, DnsFailure.UNEXPECTED_RCODE, "FORMERR from"),
                Arguments.of(DnsResponse.RCODE_NOTIMP, DnsFailure.UNEXPECTED_RCODE, "NOTIMP from"),
                Arguments.of(11, DnsFailure.UNEXPECTED_RCODE, "RCODE 11 from"));
    }

    @ParameterizedTest(name = "rcode {0} → {1}")
    @MethodSource("failures")
    void mapsEachRcodeToItsFailure(int rcode, DnsFailure failure, String detail) throws Exception {
        ScriptedDnsServer server = server(request -> DnsPacket.rcode(request.query(), rcode));
        DnsException e = assertThrows(
                DnsException.class, () -> resolver(server.address()).lookup(NAME));
        assertEquals(failure, e.failure());
        assertTrue(e.getMessage().startsWith("dns " + failure.code() + " for " + NAME + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }

    @Test
    void reportsAMalformedAnswerAsATypedError() throws Exception {
        ScriptedDnsServer server = server(request -> DnsPacket.answering(request.query(), 0, 1, 0)
                .pointer(DnsPacket.QUESTION_NAME)
                .recordHead(33, 60, 300)
                .bytes());
        DnsException e = assertThrows(
                DnsException.class, () -> resolver(server.address()).lookup(NAME));
        assertEquals(DnsFailure.MALFORMED_RESPONSE, e.failure());
        assertTrue(e.getMessage().contains("RDLENGTH 300 exceeds"), e.getMessage());
    }

    @Test
    void refusesAUdpAnswerLargerThan512Octets() throws Exception {
        SrvRecord[] many = new SrvRecord[20];
        for (int i = 0; i < many.length; i++) {
            many[i] = new SrvRecord(i, 1, 8000 + i, "target-number-" + i + ".example.test", Duration.ofSeconds(60));
        }
        ScriptedDnsServer server = server(request -> DnsPacket.answer(request.query(), many));
        DnsException e = assertThrows(
                DnsException.class, () -> resolver(server.address()).lookup(NAME));
        assertEquals(DnsFailure.TOO_LARGE, e.failure());
    }

    @Test
    void refusesATcpAnswerAboveTheSizeLimit() throws Exception {
        ScriptedDnsServer server = server(
                request -> new DnsPacket()
                        .header(request.query().id(), DnsPacket.QR | DnsPacket.TC, 1, 0, 0, 0)
                        .question(request.query().name(), 33, 1)
                        .bytes(),
                request -> new byte[] {(byte) 0x13, (byte) 0x88, 0, 0});
        DnsResolverConfig config = config(server.address()).maxTcpBytes(1024).build();
        DnsException e = assertThrows(DnsException.class, () -> new DnsSrvResolver(config).lookup(NAME));
        assertEquals(DnsFailure.TOO_LARGE, e.failure());
        assertTrue(e.getMessage().contains("TCP response of 5000 octets exceeds the limit of 1024"), e.getMessage());
    }

    @Test
    void refusesAnInvalidNameWithoutAsking() throws Exception {
        ScriptedDnsServer server = server(request -> DnsPacket.answer(request.query(), SIG_B));
        DnsException e = assertThrows(
                DnsException.class, () -> resolver(server.address()).lookup("bad..name\n"));
        assertEquals(DnsFailure.INVALID_NAME, e.failure());
        assertEquals("dns invalid-name for bad..name?: name has whitespace or control characters", e.getMessage());
        assertEquals(0, server.udpQueries());
    }

    @Test
    void answersFromTheCacheUntilTheTtlRunsOut() throws Exception {
        SrvRecord shortLived = new SrvRecord(10, 5, 8443, "sig-b.test", Duration.ofSeconds(60));
        ScriptedDnsServer server = server(request -> DnsPacket.answer(request.query(), shortLived));
        DnsSrvResolver resolver = resolver(server.address());
        resolver.lookup(NAME);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(List.of(shortLived.withTtl(Duration.ofSeconds(1))), resolver.lookup(NAME.toUpperCase()));
        assertEquals(1, server.udpQueries());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(shortLived), resolver.lookup(NAME));
        assertEquals(2, server.udpQueries());
    }

    @Test
    void cachesNegativeAnswersForTheSoaMinimum() throws Exception {
        DnsPacket soa = new DnsPacket()
                .name("ns.test")
                .name("hostmaster.test")
                .u32(1)
                .u32(3600)
                .u32(600)
                .u32(86400)
                .u32(45);
        ScriptedDnsServer server =
                server(request -> DnsPacket.answering(request.query(), DnsResponse.RCODE_NXDOMAIN, 0, 1)
                        .name("test")
                        .recordHead(DnsPacket.TYPE_SOA, 300, soa.size())
                        .raw(soa.bytes())
                        .bytes());
        DnsSrvResolver resolver = resolver(server.address());
        assertThrows(DnsException.class, () -> resolver.lookup(NAME));
        clock.advance(Duration.ofSeconds(44));
        DnsException cached = assertThrows(DnsException.class, () -> resolver.lookup(NAME));
        assertEquals(DnsFailure.NO_SUCH_DOMAIN, cached.failure());
        assertTrue(cached.getMessage().endsWith("(cached)"), cached.getMessage());
        assertEquals(1, server.udpQueries());
        clock.advance(Duration.ofSeconds(1));
        assertThrows(DnsException.class, () -> resolver.lookup(NAME));
        assertEquals(2, server.udpQueries());
    }

    @Test
    void doesNotCacheServerFailures() throws Exception {
        ScriptedDnsServer server = server(request -> DnsPacket.rcode(request.query(), DnsResponse.RCODE_SERVFAIL));
        DnsSrvResolver resolver =
                new DnsSrvResolver(config(server.address()).attempts(1).build());
        assertThrows(DnsException.class, () -> resolver.lookup(NAME));
        assertThrows(DnsException.class, () -> resolver.lookup(NAME));
        assertEquals(2, server.udpQueries());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
