package org.callsign.signaling.discovery.service;

import java.util.Optional;

/** The DNS SRV fallback of discovery: {@code _callsign._tcp.<domain>} (RFC 2782). */
public interface ServiceRecords {

    /** The SRV name queried for a domain. */
    static String name(String domain) {
        return "_callsign._tcp." + domain;
    }

    /**
     * The origin {@code https://<target>:<port>} of the domain's preferred record, or empty when the domain has no
     * such record (or no such name); {@link DiscoveryFailure#NO_SIGNALING_SERVER} when it says "no service" (target
     * {@code .}), {@link DiscoveryFailure#SERVER_UNREACHABLE} when DNS could not answer.
     */
    Optional<String> origin(String domain) throws DiscoveryException;
}
