package org.callsign.wellknown.dns;

import java.io.ByteArrayOutputStream;

/**
 * A standard query (RFC 1035 §4.1) for the SRV records of one name, class IN, recursion desired. No EDNS:
 * answers over UDP are therefore at most 512 octets, and larger ones come truncated and are asked again over
 * TCP.
 *
 * @param id the 16-bit message id, random for each query (RFC 5452 §4.3)
 * @param name the normalised name asked for
 */
record DnsQuery(int id, String name) {
    static final int TYPE_SRV = 33;
    static final int CLASS_IN = 1;
    private static final int FLAG_RD = 0x0100;

    DnsQuery {
        if (id < 0 || id > 0xffff) {
            throw new IllegalArgumentException("id must be a 16-bit value");
        }
    }

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(18 + name.length());
        writeU16(out, id);
        writeU16(out, FLAG_RD);
        writeU16(out, 1);
        writeU16(out, 0);
        writeU16(out, 0);
        writeU16(out, 0);
        DnsName.write(name, out);
        writeU16(out, TYPE_SRV);
        writeU16(out, CLASS_IN);
        return out.toByteArray();
    }

    private static void writeU16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xff);
    }
}
