package org.callsign.testbed;

/**
 * One of the testbed's two domains: an IdP vouching for {@code user@idp-x.test} and the signaling server
 * {@code sig-x.test} its users publish. The names resolve nowhere; every client maps them to loopback ports.
 */
public enum Domain {
    A("a", "idp-a.test", "sig-a.test"),
    B("b", "idp-b.test", "sig-b.test");

    private final String label;
    private final String idpHost;
    private final String signalingHost;

    Domain(String label, String idpHost, String signalingHost) {
        this.label = label;
        this.idpHost = idpHost;
        this.signalingHost = signalingHost;
    }

    /** The IdP's host name, which is also the domain of its identities: {@code idp-a.test}. */
    public String idpHost() {
        return idpHost;
    }

    /** The IdP's origin and issuer: {@code https://idp-a.test}. */
    public String idpOrigin() {
        return "https://" + idpHost;
    }

    /** The signaling server's host name: {@code sig-a.test}. */
    public String signalingHost() {
        return signalingHost;
    }

    /** The signaling server's origin ({@code callsign.signaling.public-url}): {@code https://sig-a.test}. */
    public String signalingOrigin() {
        return "https://" + signalingHost;
    }

    /** The identity of {@code username} at this domain's IdP: {@code alice@idp-a.test}. */
    public String identity(String username) {
        return username + "@" + idpHost;
    }

    /** A short label for file names: {@code a}. */
    String label() {
        return label;
    }
}
