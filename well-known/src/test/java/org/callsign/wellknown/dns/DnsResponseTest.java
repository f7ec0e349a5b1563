package org.callsign.wellknown.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DnsResponseTest {
    private static final DnsQuery QUERY = new DnsQuery(0x4a21, "_callsign._tcp.idp-b.test");
    private static final SrvRecord SIG_B = new SrvRecord(10, 5, 8443, "sig-b.test", Duration.ofSeconds(300));

    private static DnsResponse parse(byte[] message) throws DnsProtocolException {
        return DnsResponse.parse(message, message.length, QUERY);
    }

    @Test
    void encodesQueryAsRfc1035Question() {
        byte[] expected = new DnsPacket()
                .header(0x4a21, DnsPacket.RD, 1, 0, 0, 0)
                .question("_callsign._tcp.idp-b.test", 33, 1)
                .bytes();
        assertEquals(Arrays.toString(expected), Arrays.toString(QUERY.encode()));
    }

    @Test
    void readsSrvRecordsOwnedByTheQuestion() throws Exception {
        SrvRecord second = new SrvRecord(20, 0, 8444, "sig-b2.test", Duration.ofSeconds(60));
        DnsResponse response = parse(DnsPacket.answer(QUERY, SIG_B, second));
        assertEquals(0, response.rcode());
        assertFalse(response.truncated());
        assertEquals(List.of(SIG_B, second), response.records());
        assertNull(response.negativeTtl());
    }

    @Test
    void readsCompressedTargetAndLowerCasesNames() throws Exception {
        // Target "SIG-B" + pointer to "test" inside the question name ("_callsign._tcp.idp-b.test").
        int testLabel = DnsPacket.QUESTION_NAME + 1 + 9 + 1 + 4 + 1 + 5;
        DnsPacket rdata = new DnsPacket().u16(1).u16(2).u16(443).label("SIG-B").pointer(testLabel);
        byte[] message = DnsPacket.answering(QUERY, 0, 1, 0)
                .pointer(DnsPacket.QUESTION_NAME)
                .recordHead(33, 30, rdata.size())
                .raw(rdata.bytes())
                .bytes();
        assertEquals(
                List.of(new SrvRecord(1, 2, 443, "sig-b.test", Duration.ofSeconds(30))),
                parse(message).records());
    }

    @Test
    void readsRootTargetAsNoService() throws Exception {
        DnsResponse response = parse(DnsPacket.answering(QUERY, 0, 1, 0)
                .pointer(DnsPacket.QUESTION_NAME)
                .srvData(60, 0, 0, 0, ".")
                .bytes());
        assertTrue(response.records().get(0).noService());
        assertEquals(".", response.records().get(0).target());
    }

    @Test
    void followsCnameToTheSrvOwnerAndIgnoresOtherOwners() throws Exception {
        byte[] message = DnsPacket.answering(QUERY, 0, 4, 0)
                .pointer(DnsPacket.QUESTION_NAME)
                .recordHead(
                        DnsPacket.TYPE_CNAME,
                        60,
                        new DnsPacket().name("_srv.elsewhere.test").size())
                .name("_srv.elsewhere.test")
                .name("_srv.elsewhere.test")
                .srvData(60, 1, 1, 8443, "sig-c.test")
                .name("unrelated.test")
                .srvData(60, 0, 0, 1, "evil.test")
                .name("unrelated.test")
                .recordHead(DnsPacket.TYPE_A, 60, 4)
                .u32(0x7f000001L)
                .bytes();
        assertEquals(
                List.of(new SrvRecord(1, 1, 8443, "sig-c.test", Duration.ofSeconds(60))),
                parse(message).records());
    }

    @Test
    void takesNegativeTtlFromSoaAsTheSmallerOfTtlAndMinimum() throws Exception {
        DnsPacket soa = new DnsPacket()
                .name("ns.test")
                .name("hostmaster.test")
                .u32(1)
                .u32(3600)
                .u32(600)
                .u32(86400)
                .u32(120);
        byte[] message = DnsPacket.answering(QUERY, 3, 0, 1)
                .name("test")
                .recordHead(DnsPacket.TYPE_SOA, 900, soa.size())
                .raw(soa.bytes())
                .bytes();
        DnsResponse response = parse(message);
        assertEquals(3, response.rcode());
        assertEquals(Duration.ofSeconds(120), response.negativeTtl());
    }

    @Test
    void readsTtlWithTheHighBitSetAsZero() throws Exception {
        byte[] message = DnsPacket.answering(QUERY, 0, 1, 0)
                .pointer(DnsPacket.QUESTION_NAME)
                .srvData(0x80000000L, 0, 0, 443, "sig-b.test")
                .bytes();
        assertEquals(Duration.ZERO, parse(message).records().get(0).ttl());
    }

    @Test
    void reportsTruncationWithoutReadingTheSections() throws Exception {
        byte[] message = new DnsPacket()
                .header(QUERY.id(), DnsPacket.QR | DnsPacket.TC, 1, 7, 0, 0)
                .question(QUERY.name(), 33, 1)
                .bytes();
        assertTrue(parse(message).truncated());
    }

    @ParameterizedTest(name = "rcode {0}")
    @MethodSource("rcodes")
    void reportsTheRcode(int rcode) throws Exception {
        assertEquals(rcode, parse(DnsPacket.rcode(QUERY, rcode)).rcode());
    }

    static Stream<Integer> rcodes() {
        return Stream.of(0, 1, 2, 3, 4, 5, 9);
    }

    static Stream<Arguments> unrelated() {
        return Stream.of(
                Arguments.of("wrong id", "does not match the query's id", (Function<DnsQuery, byte[]>)
                        q -> DnsPacket.answer(new DnsQuery(q.id() ^ 1, q.name()), SIG_B)),
                Arguments.of("wrong question name", "does not echo the query's", (Function<DnsQuery, byte[]>)
                        q -> DnsPacket.answer(new DnsQuery(q.id(), "_callsign._tcp.evil.test"), SIG_B)),
                Arguments.of("wrong question type", "type 1 class 1 does not echo", (Function<DnsQuery, byte[]>)
                        q -> new DnsPacket()
                                .header(q.id(), DnsPacket.QR, 1, 0, 0, 0)
                                .question(q.name(), 1, 1)
                                .bytes()),
                Arguments.of("wrong question class", "type 33 class 3 does not echo", (Function<DnsQuery, byte[]>)
                        q -> new DnsPacket()
                                .header(q.id(), DnsPacket.QR, 1, 0, 0, 0)
                                .question(q.name(), 33, 3)
                                .bytes()),
                Arguments.of(
                        "query instead of response", "QR flag not set", (Function<DnsQuery, byte[]>) DnsQuery::encode),
                Arguments.of("no question", "0 questions", (Function<DnsQuery, byte[]>) q -> new DnsPacket()
                        .header(q.id(), DnsPacket.QR | 1, 0, 0, 0, 0)
                        .bytes()),
                Arguments.of("shorter than a header", "shorter than a header", (Function<DnsQuery, byte[]>)
                        q -> new byte[] {(byte) (q.id() >>> 8), (byte) q.id(), (byte) 0x80}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unrelated")
    void marksMessagesThatDoNotAnswerTheQueryAsUnrelated(
            String name, String message, Function<DnsQuery, byte[]> packet) {
        DnsProtocolException e = assertThrows(DnsProtocolException.class, () -> parse(packet.apply(QUERY)));
        assertTrue(e.unrelated(), name);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(
                        "compression loop: pointer to itself",
                        "does not point back",
                        DnsPacket.answering(QUERY, 0, 1, 0).pointer(43).srvData(60, 0, 0, 1, "a.test")),
                Arguments.of(
                        "compression loop through a label",
                        "does not point back",
                        DnsPacket.answering(QUERY, 0, 1, 0)
                                .label("a")
                                .pointer(43)
                                .srvData(60, 0, 0, 1, "a.test")),
                Arguments.of(
                        "forward pointer",
                        "does not point back",
                        DnsPacket.answering(QUERY, 0, 1, 0).pointer(45).srvData(60, 0, 0, 1, "a.test")),
                Arguments.of(
                        "pointer past the end",
                        "does not point back",
                        DnsPacket.answering(QUERY, 0, 1, 0).pointer(0x3fff).srvData(60, 0, 0, 1, "a.test")),
                Arguments.of(
                        "pointer into the header",
                        "does not point back",
                        DnsPacket.answering(QUERY, 0, 1, 0).pointer(2).srvData(60, 0, 0, 1, "a.test")),
                Arguments.of(
                        "pointer cut off by the end of the message",
                        "compression pointer cut off",
                        DnsPacket.answering(QUERY, 0, 1, 0).u8(0xc0)),
                Arguments.of(
                        "reserved label type 0x40",
                        "reserved label type 0x40",
                        DnsPacket.answering(QUERY, 0, 1, 0).u8(0x41).u8('a').u8(0)),
                Arguments.of(
                        "label past the end",
                        "label runs past the end",
                        DnsPacket.answering(QUERY, 0, 1, 0).u8(20).raw("short".getBytes())),
                Arguments.of(
                        "name without its root label",
                        "name runs past the end",
                        DnsPacket.answering(QUERY, 0, 1, 0).label("abc")),
                Arguments.of("name longer than 255 octets", "name longer than 255 octets", longName()),
                Arguments.of(
                        "fewer answers than announced",
                        "name runs past the end",
                        DnsPacket.answering(QUERY, 0, 2, 0)
                                .pointer(DnsPacket.QUESTION_NAME)
                                .srvData(60, 0, 0, 443, "sig-b.test")),
                Arguments.of(
                        "record cut off in its fixed fields",
                        "message ends before a 32-bit field",
                        DnsPacket.answering(QUERY, 0, 1, 0)
                                .pointer(DnsPacket.QUESTION_NAME)
                                .u16(33)
                                .u16(1)
                                .u16(0)),
                Arguments.of(
                        "RDLENGTH beyond the message",
                        "RDLENGTH 200 exceeds the 14 octets left",
                        DnsPacket.answering(QUERY, 0, 1, 0)
                                .pointer(DnsPacket.QUESTION_NAME)
                                .recordHead(33, 60, 200)
                                .u16(0)
                                .u16(0)
                                .u16(443)
                                .name("a.test")),
                Arguments.of(
                        "RDLENGTH longer than the SRV data",
                        "SRV RDLENGTH 16 does not match its 14 octets",
                        DnsPacket.answering(QUERY, 0, 1, 0)
                                .pointer(DnsPacket.QUESTION_NAME)
                                .recordHead(33, 60, 16)
                                .u16(0)
                                .u16(0)
                                .u16(443)
                                .name("a.test")
                                .u16(0)),
                Arguments.of(
                        "RDLENGTH shorter than the SRV data",
                        "SRV RDLENGTH 4 does not match its 14 octets",
                        DnsPacket.answering(QUERY, 0, 1, 0)
                                .pointer(DnsPacket.QUESTION_NAME)
                                .recordHead(33, 60, 4)
                                .u16(0)
                                .u16(0)
                                .u16(443)
                                .name("a.test")),
                Arguments.of(
                        "SOA RDLENGTH mismatch",
                        "SOA RDLENGTH 30 does not match",
                        DnsPacket.answering(QUERY, 3, 0, 1)
                                .name("test")
                                .recordHead(DnsPacket.TYPE_SOA, 60, 30)
                                .name("ns.test")
                                .name("h.test")
                                .u32(1)
                                .u32(2)
                                .u32(3)
                                .u32(4)
                                .u32(5)),
                Arguments.of(
                        "target that is not a host name",
                        "SRV target a\\032b.test is not a host name",
                        DnsPacket.answering(QUERY, 0, 1, 0)
                                .pointer(DnsPacket.QUESTION_NAME)
                                .srvData(60, 0, 0, 443, "a b.test")),
                Arguments.of(
                        "target with an underscore",
                        "SRV target _x.test is not a host name",
                        DnsPacket.answering(QUERY, 0, 1, 0)
                                .pointer(DnsPacket.QUESTION_NAME)
                                .srvData(60, 0, 0, 443, "_x.test")),
                Arguments.of(
                        "opcode other than QUERY",
                        "opcode 2",
                        new DnsPacket()
                                .header(QUERY.id(), DnsPacket.QR | (2 << 11), 1, 0, 0, 0)
                                .question(QUERY.name(), 33, 1)));
    }

    private static DnsPacket longName() {
        DnsPacket packet = DnsPacket.answering(QUERY, 0, 1, 0);
        for (int i = 0; i < 5; i++) {
            packet.label("a".repeat(63));
        }
        return packet.u8(0).srvData(60, 0, 0, 1, "a.test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedMessagesWithATypedError(String name, String message, DnsPacket packet) {
        DnsProtocolException e = assertThrows(DnsProtocolException.class, () -> parse(packet.bytes()));
        assertFalse(e.unrelated(), name);
        assertEquals(DnsFailure.MALFORMED_RESPONSE, e.failure());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void survivesEveryTruncationOfAValidMessage() {
        byte[] message = DnsPacket.answer(QUERY, SIG_B, SIG_B);
        for (int length = 0; length < message.length; length++) {
            int cut = length;
            DnsProtocolException e = assertThrows(
                    DnsProtocolException.class, () -> DnsResponse.parse(message, cut, QUERY), "cut at " + cut);
            assertEquals(DnsFailure.MALFORMED_RESPONSE, e.failure());
        }
    }

    @Test
    void survivesEverySingleOctetCorruption() {
        byte[] message = DnsPacket.answer(QUERY, SIG_B);
        int outcomes = 0;
        for (int i = 0; i < message.length; i++) {
            for (int value : new int[] {0x00, 0x3f, 0x40, 0xc0, 0xff}) {
                byte[] corrupt = message.clone();
                corrupt[i] = (byte) value;
                try {
                    DnsResponse.parse(corrupt, corrupt.length, QUERY);
                } catch (DnsProtocolException e) {
                    outcomes++;
                }
            }
        }
        assertTrue(outcomes > 0, "some corruptions must be refused");
    }
}
