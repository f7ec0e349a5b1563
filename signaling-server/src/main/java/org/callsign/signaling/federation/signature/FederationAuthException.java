package org.callsign.signaling.federation.signature;

/**
 * A federation request refused, with its {@link FederationAuthFailure}. The message is short and names the offending
 * value (shortened and with control characters escaped, see {@link #quote(String)}), never a whole token or a key.
 * No stack trace is recorded: refusals are expected, and a flood of them should cost little.
 */
public final class FederationAuthException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The longest part of a received value that a message quotes. */
    static final int MAX_QUOTED = 80;

    private final FederationAuthFailure failure;

    public FederationAuthException(FederationAuthFailure failure, String message) {
        this(failure, message, null);
    }

    public FederationAuthException(FederationAuthFailure failure, String message, Throwable cause) {
        super(message, cause, false, false);
        this.failure = failure;
    }

    /** The refusal of a {@code jti} that {@code issuer} sent before, as every {@link ReplayCache} words it. */
    static FederationAuthException replayed(String issuer, String jti) {
        return new FederationAuthException(
                FederationAuthFailure.SIGNATURE_REPLAYED, "jti " + quote(jti) + " from " + issuer + " was seen before");
    }

    /** The wire code and status. */
    public FederationAuthFailure failure() {
        return failure;
    }

    /**
     * {@code value} fit for a message and a log line: at most {@value #MAX_QUOTED} characters (then {@code …}),
     * control characters as {@code \\uXXXX}.
     */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 1);
        for (int i = 0; i < value.length() && i < MAX_QUOTED; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        if (value.length() > MAX_QUOTED) {
            quoted.append('…');
        }
        return quoted.toString();
    }
}
