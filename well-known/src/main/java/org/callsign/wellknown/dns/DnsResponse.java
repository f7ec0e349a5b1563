package org.callsign.wellknown.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a response to a {@link DnsQuery} this client uses: RCODE, TC flag, the SRV records of the
 * name asked for, and the negative-caching TTL from an SOA record in the authority section (RFC 2308 §5).
 *
 * @param rcode the response code (RFC 1035 §4.1.1)
 * @param truncated the TC flag; the sections were not read
 * @param records SRV records owned by the name asked for or the end of its CNAME chain, in answer order
 * @param negativeTtl the smaller of the SOA record's TTL and MINIMUM field, or {@code null} without SOA
 */
record DnsResponse(int rcode, boolean truncated, List<SrvRecord> records, Duration negativeTtl) {
    static final int RCODE_NOERROR = 0;
    static final int RCODE_FORMERR = 1;
    static final int RCODE_SERVFAIL = 2;
    static final int RCODE_NXDOMAIN = 3;
    static final int RCODE_NOTIMP = 4;
    static final int RCODE_REFUSED = 5;
    /** CNAME records followed from the name asked for. */
    static final int MAX_CNAME_CHAIN = 8;

    private static final int TYPE_CNAME = 5;
    private static final int TYPE_SOA = 6;
    private static final int FLAG_QR = 0x8000;
    private static final int FLAG_TC = 0x0200;
    private static final long MAX_TTL = 0x7fffffffL;

    /**
     * Reads {@code length} octets of {@code data} as the response to {@code query}.
     *
     * @throws DnsProtocolException {@linkplain DnsProtocolException#unrelated() unrelated} when the id,
     *     QR flag or question do not match the query; malformed when the message breaks RFC 1035
     */
    static DnsResponse parse(byte[] data, int length, DnsQuery query) throws DnsProtocolException {
        DnsReader reader = new DnsReader(data, length);
        if (length < 12) {
            throw DnsProtocolException.unrelated("message of " + length + " octets is shorter than a header");
        }
        int id = reader.u16();
        int flags = reader.u16();
        int questions = reader.u16();
        int answers = reader.u16();
        int authorities = reader.u16();
        reader.u16(); // additional records: not used
        if (id != query.id()) {
            throw DnsProtocolException.unrelated("id " + id + " does not match the query's id " + query.id());
        }
        if ((flags & FLAG_QR) == 0) {
            throw DnsProtocolException.unrelated("QR flag not set: not a response");
        }
        if (questions != 1) {
            throw DnsProtocolException.unrelated(questions + " questions instead of the query's one");
        }
        String name = reader.name();
        int type = reader.u16();
        int klass = reader.u16();
        if (!name.equals(query.name()) || type != DnsQuery.TYPE_SRV || klass != DnsQuery.CLASS_IN) {
            throw DnsProtocolException.unrelated("question " + name + " type " + type + " class " + klass
                    + " does not echo the query's " + query.name() + " SRV IN");
        }
        int opcode = (flags >>> 11) & 0xf;
        if (opcode != 0) {
            throw DnsProtocolException.malformed("opcode " + opcode + " in the answer to a standard query");
        }
        int rcode = flags & 0xf;
        if ((flags & FLAG_TC) != 0) {
            return new DnsResponse(rcode, true, List.of(), null);
        }
        List<Owned> srv = new ArrayList<>();
        Map<String, String> cnames = new HashMap<>();
        for (int i = 0; i < answers; i++) {
            readAnswer(reader, srv, cnames);
        }
        Duration negativeTtl = null;
        for (int i = 0; i < authorities; i++) {
            Duration soa = readAuthority(reader);
            if (soa != null) {
                negativeTtl = soa;
            }
        }
        String owner = query.name();
        for (int hops = 0; hops < MAX_CNAME_CHAIN && cnames.containsKey(owner); hops++) {
            owner = cnames.get(owner);
        }
        List<SrvRecord> records = new ArrayList<>();
        for (Owned record : srv) {
            if (record.owner().equals(owner)) {
                records.add(record.record());
            }
        }
        return new DnsResponse(rcode, false, List.copyOf(records), negativeTtl);
    }

    private record Owned(String owner, SrvRecord record) {}

    private static void readAnswer(DnsReader reader, List<Owned> srv, Map<String, String> cnames)
            throws DnsProtocolException {
        String owner = reader.name();
        int type = reader.u16();
        int klass = reader.u16();
        Duration ttl = ttl(reader.u32());
        int rdLength = reader.u16();
        if (rdLength > reader.remaining()) {
            throw DnsProtocolException.malformed(
                    "RDLENGTH " + rdLength + " exceeds the " + reader.remaining() + " octets left");
        }
        int start = reader.position();
        if (klass == DnsQuery.CLASS_IN && type == DnsQuery.TYPE_SRV) {
            int priority = reader.u16();
            int weight = reader.u16();
            int port = reader.u16();
            String target = reader.name();
            checkLength(reader, start, rdLength, "SRV");
            if (target.isEmpty()) {
                target = SrvRecord.NO_SERVICE_TARGET;
            } else if (!DnsName.isHostName(target)) {
                throw DnsProtocolException.malformed("SRV target " + target + " is not a host name");
            }
            srv.add(new Owned(owner, new SrvRecord(priority, weight, port, target, ttl)));
        } else if (klass == DnsQuery.CLASS_IN && type == TYPE_CNAME) {
            String target = reader.name();
            checkLength(reader, start, rdLength, "CNAME");
            cnames.putIfAbsent(owner, target);
        } else {
            reader.skip(rdLength);
        }
    }

    /** Reads one authority record; returns its negative-caching TTL if it is an SOA record. */
    private static Duration readAuthority(DnsReader reader) throws DnsProtocolException {
        reader.name();
        int type = reader.u16();
        int klass = reader.u16();
        long ttl = reader.u32();
        int rdLength = reader.u16();
        if (rdLength > reader.remaining()) {
            throw DnsProtocolException.malformed(
                    "RDLENGTH " + rdLength + " exceeds the " + reader.remaining() + " octets left");
        }
        if (klass != DnsQuery.CLASS_IN || type != TYPE_SOA) {
            reader.skip(rdLength);
            return null;
        }
        int start = reader.position();
        reader.name(); // MNAME
        reader.name(); // RNAME
        reader.skip(16); // SERIAL, REFRESH, RETRY, EXPIRE
        long minimum = reader.u32();
        checkLength(reader, start, rdLength, "SOA");
        return ttl(Math.min(ttl, minimum));
    }

    private static void checkLength(DnsReader reader, int start, int rdLength, String type)
            throws DnsProtocolException {
        int used = reader.position() - start;
        if (used != rdLength) {
            throw DnsProtocolException.malformed(
                    type + " RDLENGTH " + rdLength + " does not match its " + used + " octets of data");
        }
    }

    /** RFC 2181 §8: a TTL with the most significant bit set is read as zero. */
    private static Duration ttl(long seconds) {
        return Duration.ofSeconds(seconds > MAX_TTL ? 0 : seconds);
    }
}
