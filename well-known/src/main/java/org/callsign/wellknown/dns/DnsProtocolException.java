package org.callsign.wellknown.dns;

/**
 * A DNS message that cannot be used, found while reading it. {@link #unrelated()} marks a datagram that is
 * not the answer to our query (another id, another question, not a response): over UDP it is dropped and
 * the client keeps waiting, since it may be forged (RFC 5452 §9.1).
 */
final class DnsProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DnsFailure failure;
    private final boolean unrelated;

    private DnsProtocolException(DnsFailure failure, String detail, boolean unrelated) {
        super(detail);
        this.failure = failure;
        this.unrelated = unrelated;
    }

    static DnsProtocolException malformed(String detail) {
        return new DnsProtocolException(DnsFailure.MALFORMED_RESPONSE, detail, false);
    }

    static DnsProtocolException unrelated(String detail) {
        return new DnsProtocolException(DnsFailure.MALFORMED_RESPONSE, detail, true);
    }

    static DnsProtocolException tooLarge(String detail) {
        return new DnsProtocolException(DnsFailure.TOO_LARGE, detail, false);
    }

    DnsFailure failure() {
        return failure;
    }

    boolean unrelated() {
        return unrelated;
    }
}
