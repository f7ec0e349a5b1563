package org.callsign.idp.discovery;

/**
 * The link relation types of the IdP's WebFinger answers (RFC 7033 §4.4.4.1: a registered name or a URI).
 *
 * <p>Callsign owns no domain to mint {@code https} relation URIs under, so its own relations are URNs in the
 * {@code callsign} namespace, which is not registered with IANA (RFC 8141): project-private names, stable, not
 * dereferenceable, and never mistaken for another project's relation. Where a standard relation exists, it is used.
 */
public final class WebFingerRels {

    /** The user's IdP proxy script ({@code href}: {@code <issuer>/.well-known/idp-proxy/default}). */
    public static final String IDP_PROXY = "urn:callsign:rel:idp-proxy";

    /** The user's signaling server, if they named one ({@code href}: its base URL). */
    public static final String SIGNALING_SERVER = "urn:callsign:rel:signaling-server";

    /** The OpenID Connect issuer (OpenID Connect Discovery 1.0 §2), understood by existing OIDC clients. */
    public static final String OPENID_ISSUER = "http://openid.net/specs/connect/1.0/issuer";

    private WebFingerRels() {}
}
