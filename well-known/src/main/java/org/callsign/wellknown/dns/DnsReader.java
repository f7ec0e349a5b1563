package org.callsign.wellknown.dns;

/**
 * A cursor over a received DNS message that checks every read against the message's end, so that a short or
 * hostile packet becomes a {@link DnsProtocolException} and never an index error.
 */
final class DnsReader {
    /** Compression pointers followed within one name; each must point further back, so this is a backstop. */
    static final int MAX_POINTERS = 32;
    /** Offsets below this are the header, never a name (RFC 1035 §4.1.1). */
    private static final int HEADER_LENGTH = 12;

    private final byte[] data;
    private final int length;
    private int position;

    DnsReader(byte[] data, int length) {
        if (length < 0 || length > data.length) {
            throw new IllegalArgumentException("length outside the buffer");
        }
        this.data = data;
        this.length = length;
    }

    int position() {
        return position;
    }

    int remaining() {
        return length - position;
    }

    int u8() throws DnsProtocolException {
        require(1, "an octet");
        return data[position++] & 0xff;
    }

    int u16() throws DnsProtocolException {
        require(2, "a 16-bit field");
        int value = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    long u32() throws DnsProtocolException {
        require(4, "a 32-bit field");
        long value = ((long) (data[position] & 0xff) << 24)
                | ((data[position + 1] & 0xff) << 16)
                | ((data[position + 2] & 0xff) << 8)
                | (data[position + 3] & 0xff);
        position += 4;
        return value;
    }

    void skip(int count) throws DnsProtocolException {
        require(count, count + " octets");
        position += count;
    }

    /**
     * Reads a possibly compressed name (RFC 1035 §4.1.4) and returns it lower-cased, without the final dot,
     * {@code ""} for the root. Octets other than letters, digits, hyphen and underscore come out as
     * {@code \DDD}, so such a name never passes for a host name. Each pointer must lead to an offset before
     * the labels that contain it and after the header, which rules out loops; the name may not exceed 255
     * octets.
     */
    String name() throws DnsProtocolException {
        StringBuilder name = new StringBuilder();
        int cursor = position;
        int sequenceStart = position;
        int end = -1;
        int pointers = 0;
        int wireLength = 0;
        while (true) {
            if (cursor >= length) {
                throw DnsProtocolException.malformed("name runs past the end of the message at offset " + cursor);
            }
            int octet = data[cursor] & 0xff;
            if (octet == 0) {
                wireLength++;
                if (end < 0) {
                    end = cursor + 1;
                }
                break;
            }
            switch (octet & 0xc0) {
                case 0xc0 -> {
                    if (cursor + 1 >= length) {
                        throw DnsProtocolException.malformed("compression pointer cut off at offset " + cursor);
                    }
                    int target = ((octet & 0x3f) << 8) | (data[cursor + 1] & 0xff);
                    if (end < 0) {
                        end = cursor + 2;
                    }
                    if (target >= sequenceStart || target < HEADER_LENGTH) {
                        throw DnsProtocolException.malformed(
                                "compression pointer at offset " + cursor + " to " + target + " does not point back");
                    }
                    if (++pointers > MAX_POINTERS) {
                        throw DnsProtocolException.malformed("more than " + MAX_POINTERS + " compression pointers");
                    }
                    cursor = target;
                    sequenceStart = target;
                }
                case 0x00 -> {
                    wireLength += 1 + octet;
                    if (wireLength >= DnsName.MAX_WIRE_LENGTH) {
                        throw DnsProtocolException.malformed("name longer than " + DnsName.MAX_WIRE_LENGTH + " octets");
                    }
                    if (cursor + 1 + octet > length) {
                        throw DnsProtocolException.malformed(
                                "label runs past the end of the message at offset " + cursor);
                    }
                    if (!name.isEmpty()) {
                        name.append('.');
                    }
                    appendLabel(name, cursor + 1, octet);
                    cursor += 1 + octet;
                }
                default ->
                    throw DnsProtocolException.malformed(
                            "reserved label type 0x" + Integer.toHexString(octet & 0xc0) + " at offset " + cursor);
            }
        }
        position = end;
        return name.toString();
    }

    private void appendLabel(StringBuilder name, int from, int count) {
        for (int i = from; i < from + count; i++) {
            int c = data[i] & 0xff;
            if (c >= 'A' && c <= 'Z') {
                name.append((char) (c + ('a' - 'A')));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                name.append((char) c);
            } else {
                name.append('\\').append(String.format("%03d", c));
            }
        }
    }

    private void require(int count, String what) throws DnsProtocolException {
        if (count < 0 || count > length - position) {
            throw DnsProtocolException.malformed("message ends before " + what + " at offset " + position);
        }
    }
}
