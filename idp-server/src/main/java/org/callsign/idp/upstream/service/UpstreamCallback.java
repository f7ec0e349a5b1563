package org.callsign.idp.upstream.service;

/**
 * The parameters of an authorization response (RFC 6749 §4.1.2 and §4.1.2.1, RFC 9207 §2) and the binding cookie.
 *
 * @param state {@code state}
 * @param code {@code code}, absent on an error
 * @param error {@code error}, present on an error
 * @param issuer {@code iss}, if the provider sends it
 * @param bindingSecret the binding cookie's value, or {@code null}
 */
public record UpstreamCallback(String state, String code, String error, String issuer, String bindingSecret) {

    /** Never the code or the secret. */
    @Override
    public String toString() {
        return "UpstreamCallback[" + (error == null ? "code" : "error=" + error) + "]";
    }
}
