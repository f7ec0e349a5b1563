package org.callsign.shim.sandbox;

import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.graalvm.polyglot.Value;

/**
 * Checks what a proxy's promise resolved with against the W3C dictionaries
 * ({@code RTCIdentityAssertionResult}, {@code RTCIdentityValidationResult}) and copies it out of the realm
 * as plain strings, bounded in size.
 */
final class ResultShapes {
    private ResultShapes() {}

    static GeneratedAssertion generated(Realm.Outcome outcome, int maxChars) throws IdentityException {
        Value value = resolved(outcome);
        Value idp = member(value, "idp");
        if (idp == null || !idp.hasMembers()) {
            throw malformed("generateAssertion result has no idp object");
        }
        String domain = string(idp, "domain", maxChars, "idp.domain");
        Value protocolValue = member(idp, "protocol");
        String protocol = protocolValue == null || protocolValue.isNull()
                ? IdpProxyAddress.DEFAULT_PROTOCOL
                : string(idp, "protocol", maxChars, "idp.protocol");
        return new GeneratedAssertion(domain, protocol, string(value, "assertion", maxChars, "assertion"));
    }

    static ValidationResult validated(Realm.Outcome outcome, int maxChars) throws IdentityException {
        Value value = resolved(outcome);
        return new ValidationResult(
                string(value, "identity", maxChars, "identity"), string(value, "contents", maxChars, "contents"));
    }

    private static Value resolved(Realm.Outcome outcome) throws IdentityException {
        if (outcome.rejection() != null) {
            throw SandboxErrors.fromRejection(outcome.rejection());
        }
        Value value = outcome.value();
        if (value == null || value.isNull() || !value.hasMembers()) {
            throw malformed("IdP proxy resolved with something other than an object");
        }
        return value;
    }

    private static Value member(Value object, String name) {
        return object.hasMember(name) ? object.getMember(name) : null;
    }

    private static String string(Value object, String name, int maxChars, String label) throws IdentityException {
        Value member = member(object, name);
        if (member == null || !member.isString()) {
            throw malformed("IdP proxy result: " + label + " missing or not a string");
        }
        String text = member.asString();
        if (text.length() > maxChars) {
            throw malformed("IdP proxy result: " + label + " longer than " + maxChars + " characters");
        }
        return text;
    }

    private static IdentityException malformed(String message) {
        return new IdentityException(IdentityError.IDENTITY_MALFORMED, message);
    }
}
