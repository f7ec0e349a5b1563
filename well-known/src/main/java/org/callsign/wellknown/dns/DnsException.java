package org.callsign.wellknown.dns;

import org.callsign.wellknown.WellKnownException;

/** A failed DNS lookup, with the {@link DnsFailure reason} and the name that was asked for. */
public final class DnsException extends WellKnownException {
    private static final long serialVersionUID = 1L;

    private final DnsFailure failure;
    private final String name;

    public DnsException(DnsFailure failure, String name, String detail) {
        this(failure, name, detail, null);
    }

    public DnsException(DnsFailure failure, String name, String detail, Throwable cause) {
        super("dns " + failure.code() + " for " + name + ": " + detail, cause);
        this.failure = failure;
        this.name = name;
    }

    public DnsFailure failure() {
        return failure;
    }

    /** The name that was looked up, as given (or normalised, once valid). */
    public String name() {
        return name;
    }
}
