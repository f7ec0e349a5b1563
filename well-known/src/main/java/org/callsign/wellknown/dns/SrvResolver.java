package org.callsign.wellknown.dns;

import java.util.List;

/**
 * Looks up the SRV records of a service name such as {@code _callsign._tcp.idp-b.example} (RFC 2782).
 * {@link DnsSrvResolver} is the default implementation.
 */
public interface SrvResolver {
    /**
     * The SRV records of {@code name}, in the order a client should try them: ascending priority and, within
     * a priority, the weighted random order of RFC 2782. Never empty: a name that does not exist or has no
     * SRV record is a {@link DnsException} ({@link DnsFailure#NO_SUCH_DOMAIN}, {@link DnsFailure#NO_RECORDS}).
     * A single record whose {@link SrvRecord#noService()} is true says the service is not offered.
     *
     * @throws DnsException naming the failure and the name
     */
    List<SrvRecord> lookup(String name) throws DnsException;
}
