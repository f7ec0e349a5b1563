package org.callsign.benchmarks.calls;

/**
 * One of the benchmark's two domains: an IdP vouching for {@code user@idp-x.test} and the signaling server
 * {@code sig-x.test} its users publish. The names resolve nowhere; every client maps {@code <host>:443} to a loopback
 * port.
 */
enum Domain {
    A("idp-a.test", "sig-a.test"),
    B("idp-b.test", "sig-b.test");

    private final String idpHost;
    private final String signalingHost;

    Domain(String idpHost, String signalingHost) {
        this.idpHost = idpHost;
        this.signalingHost = signalingHost;
    }

    /** The IdP's host, also the domain of its identities: {@code idp-a.test}. */
    String idpHost() {
        return idpHost;
    }

    /** {@code https://idp-a.test}. */
    String idpOrigin() {
        return "https://" + idpHost;
    }

    /** {@code sig-a.test}. */
    String signalingHost() {
        return signalingHost;
    }

    /** {@code https://sig-a.test}: the server's {@code public-url}. */
    String signalingOrigin() {
        return "https://" + signalingHost;
    }
}
