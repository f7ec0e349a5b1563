package org.callsign.wellknown.dns;

import java.time.Duration;

/**
 * One SRV resource record (RFC 2782): the host and port offering a service, with the order in which
 * clients should try it.
 *
 * @param priority lower values are tried first
 * @param weight relative chance of being tried first among records of equal priority; 0 means rarely
 * @param port TCP or UDP port of the service on {@code target}
 * @param target host name, lower-case, without the final dot; {@code "."} means the service is not offered
 * @param ttl time to live: as received, or what is left of it when the answer comes from the cache
 */
public record SrvRecord(int priority, int weight, int port, String target, Duration ttl) {
    /** The target of a record saying "no service at this domain" (RFC 2782, "Target"). */
    public static final String NO_SERVICE_TARGET = ".";

    public SrvRecord {
        if (priority < 0 || priority > 0xffff || weight < 0 || weight > 0xffff || port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("priority, weight and port must be 16-bit unsigned values");
        }
        if (target == null || target.isEmpty() || ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException("target and a non-negative ttl are required");
        }
    }

    /** Whether this record says the service is decidedly not available at this domain (target {@code "."}). */
    public boolean noService() {
        return NO_SERVICE_TARGET.equals(target);
    }

    SrvRecord withTtl(Duration value) {
        return new SrvRecord(priority, weight, port, target, value);
    }
}
