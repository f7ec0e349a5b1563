package org.callsign.wellknown.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes DNS messages octet by octet for tests, well-formed or not: names with or without compression
 * pointers, records whose RDLENGTH is computed or given, headers with any flags and counts.
 */
final class DnsPacket {
    static final int QR = 0x8000;
    static final int AA = 0x0400;
    static final int TC = 0x0200;
    static final int RD = 0x0100;
    static final int RA = 0x0080;
    static final int TYPE_A = 1;
    static final int TYPE_CNAME = 5;
    static final int TYPE_SOA = 6;
    /** Offset of the question name, the usual target of compression pointers. */
    static final int QUESTION_NAME = 12;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A response header with one question, echoing {@code query}, followed by that question. */
    static DnsPacket answering(DnsQuery query, int rcode, int answers, int authorities) {
        return new DnsPacket()
                .header(query.id(), QR | RD | RA | rcode, 1, answers, authorities, 0)
                .question(query.name(), DnsQuery.TYPE_SRV, DnsQuery.CLASS_IN);
    }

    /** A well-formed answer to {@code query} with SRV records owned by the question name. */
    static byte[] answer(DnsQuery query, SrvRecord... records) {
        DnsPacket packet = answering(query, 0, records.length, 0);
        for (SrvRecord record : records) {
            packet.srv(record);
        }
        return packet.bytes();
    }

    /** A response with {@code rcode}, no records. */
    static byte[] rcode(DnsQuery query, int rcode) {
        return answering(query, rcode, 0, 0).bytes();
    }

    DnsPacket header(int id, int flags, int questions, int answers, int authorities, int additional) {
        return u16(id).u16(flags).u16(questions).u16(answers).u16(authorities).u16(additional);
    }

    DnsPacket question(String name, int type, int klass) {
        return name(name).u16(type).u16(klass);
    }

    /** An SRV record owned by the question name (a pointer to offset 12), target uncompressed. */
    DnsPacket srv(SrvRecord record) {
        return pointer(QUESTION_NAME)
                .srvData(record.ttl().toSeconds(), record.priority(), record.weight(), record.port(), record.target());
    }

    /** Type, class, TTL, computed RDLENGTH and SRV RDATA, after an owner written by the caller. */
    DnsPacket srvData(long ttl, int priority, int weight, int port, String target) {
        DnsPacket rdata = new DnsPacket().u16(priority).u16(weight).u16(port).name(target);
        return u16(DnsQuery.TYPE_SRV)
                .u16(DnsQuery.CLASS_IN)
                .u32(ttl)
                .u16(rdata.size())
                .raw(rdata.bytes());
    }

    /** Type, class, TTL and the given RDLENGTH, after an owner written by the caller. */
    DnsPacket recordHead(int type, long ttl, int rdLength) {
        return u16(type).u16(DnsQuery.CLASS_IN).u32(ttl).u16(rdLength);
    }

    /** A name as uncompressed labels; {@code "."} or {@code ""} is the root. */
    DnsPacket name(String name) {
        if (!name.isEmpty() && !name.equals(".")) {
            for (String label : name.split("\\.")) {
                label(label);
            }
        }
        return u8(0);
    }

    DnsPacket label(String label) {
        byte[] bytes = label.getBytes(StandardCharsets.ISO_8859_1);
        u8(bytes.length);
        return raw(bytes);
    }

    DnsPacket pointer(int offset) {
        return u16(0xc000 | offset);
    }

    DnsPacket u8(int value) {
        out.write(value);
        return this;
    }

    DnsPacket u16(int value) {
        return u8(value >>> 8).u8(value & 0xff);
    }

    DnsPacket u32(long value) {
        return u16((int) (value >>> 16) & 0xffff).u16((int) value & 0xffff);
    }

    DnsPacket raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
