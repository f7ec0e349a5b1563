package org.callsign.signaling.filter.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block {@code address/prefix} (IPv4 or IPv6), matched bit by bit. */
record Cidr(byte[] network, int prefix) {

    /** The block of {@code value}; {@link IllegalArgumentException} if it is not an IP literal with a prefix. */
    static Cidr parse(String value) {
        int slash = value.indexOf('/');
        String address = slash < 0 ? "" : value.substring(0, slash);
        if (!address.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
            throw new IllegalArgumentException("not a CIDR block: " + value);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = Integer.parseInt(value.substring(slash + 1));
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + value);
            }
            return new Cidr(bytes, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR block: " + value);
        }
    }

    /** Whether {@code address} lies in this block. */
    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
