package org.callsign.signaling.discovery.service;

/**
 * Where an identity's calls go.
 *
 * @param identity the identity looked up
 * @param server the origin of its signaling server
 * @param via how the server was found: {@value #WEBFINGER} or {@value #DNS_SRV}
 * @param document the server's own description
 */
public record DiscoveredServer(String identity, String server, String via, ServerDocument document) {

    /** Found through WebFinger at the identity's domain. */
    public static final String WEBFINGER = "webfinger";

    /** Found through a DNS SRV record of the identity's domain. */
    public static final String DNS_SRV = "dns-srv";
}
