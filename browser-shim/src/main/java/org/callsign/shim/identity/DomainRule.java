package org.callsign.shim.identity;

import java.util.Map;
import java.util.Set;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.wellknown.Authority;
import org.callsign.wellknown.UriRuleException;

/**
 * Who may assert which identity (RFC 8827 §7.5 and §8.1, W3C webrtc-identity §9.5): the domain part of
 * {@code user@domain} must be the IdP's domain, compared without port or userinfo and after IDN
 * conversion to A-labels, unless an operator trusts that IdP as a third party for the identity's domain.
 * The user part is split at the last {@code @}; an {@code @} inside it must be escaped as {@code %40}.
 *
 * @param trustedThirdParties for an identity domain, the IdP hosts trusted to assert it (host names,
 *     lower case, A-labels)
 */
public record DomainRule(Map<String, Set<String>> trustedThirdParties) {
    /** Only an identity's own domain may assert it. */
    public static final DomainRule STRICT = new DomainRule(Map.of());

    public DomainRule {
        trustedThirdParties = Map.copyOf(trustedThirdParties);
    }

    /**
     * Checks {@code identity} as asserted by the IdP at {@code idpDomain} and returns it normalised
     * ({@code user@host}, host lower-case A-labels, no port).
     *
     * @throws IdentityException {@code identity-malformed} for an unusable identity, {@code domain-mismatch}
     *     when the IdP may not assert it
     */
    public String check(String identity, String idpDomain) throws IdentityException {
        String normalised = normalise(identity);
        String identityHost = normalised.substring(normalised.lastIndexOf('@') + 1);
        String idpHost = host(idpDomain.substring(idpDomain.lastIndexOf('@') + 1), "IdP domain");
        if (identityHost.equals(idpHost)
                || trustedThirdParties.getOrDefault(identityHost, Set.of()).contains(idpHost)) {
            return normalised;
        }
        throw new IdentityException(
                IdentityError.DOMAIN_MISMATCH,
                "identity " + bounded(identity) + " is not in the domain of its IdP " + idpHost);
    }

    /** {@code user@host} with the host normalised, or {@code identity-malformed}. */
    public static String normalise(String identity) throws IdentityException {
        if (identity == null || identity.length() > 320) {
            throw malformed("identity missing or longer than 320 characters");
        }
        int at = identity.lastIndexOf('@');
        if (at < 0) {
            throw malformed("identity " + bounded(identity) + " has no domain");
        }
        String user = identity.substring(0, at);
        if (user.isEmpty()) {
            throw malformed("identity " + bounded(identity) + " has an empty user part");
        }
        if (user.indexOf('@') >= 0) {
            throw malformed("identity " + bounded(identity) + " has an unescaped '@' in the user part (use %40)");
        }
        if (user.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw malformed("identity has whitespace or control characters in the user part");
        }
        return user + "@" + host(identity.substring(at + 1), "identity domain");
    }

    private static String host(String domain, String what) throws IdentityException {
        try {
            return Authority.parse(domain).host();
        } catch (UriRuleException e) {
            throw malformed(what + " rejected: " + e.getMessage());
        }
    }

    private static IdentityException malformed(String message) {
        return new IdentityException(IdentityError.IDENTITY_MALFORMED, message);
    }

    static String bounded(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
