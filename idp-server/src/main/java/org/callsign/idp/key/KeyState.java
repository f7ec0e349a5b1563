package org.callsign.idp.key;

/**
 * Where a signing key is in its life. Keys move one way: {@code next} to {@code current} to {@code retired}, then
 * out of the store.
 */
public enum KeyState {
    /** Published in the JWKS ahead of use, so that verifiers holding a cached JWKS already know it. */
    NEXT("next"),
    /** Published and signing every new assertion. Exactly one key is current. */
    CURRENT("current"),
    /** Published, no longer signing, until every assertion it signed has expired; then removed. */
    RETIRED("retired");

    private final String value;

    KeyState(String value) {
        this.value = value;
    }

    /** The stored form. */
    public String value() {
        return value;
    }

    /** The state whose stored form is {@code value}. */
    public static KeyState fromValue(String value) {
        for (KeyState state : values()) {
            if (state.value.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown key state: " + value);
    }
}
