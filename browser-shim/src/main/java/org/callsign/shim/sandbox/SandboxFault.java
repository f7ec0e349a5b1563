package org.callsign.shim.sandbox;

/**
 * An error a host function raises inside the realm; it reaches the IdP's script as a JavaScript error with
 * this message, as a browser's built-ins would throw.
 */
final class SandboxFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SandboxFault(String message) {
        super(message, null, false, false);
    }

    /** What the realm sees as {@code String(error)}: no host class names. */
    @Override
    public String toString() {
        return "Error: " + getMessage();
    }
}
