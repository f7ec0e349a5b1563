package org.callsign.signaling.filter.service;

/**
 * A filter's decision on one call and why: the rule that made it ({@code block *@spam.example}), or the status or
 * default, for the call history ("why did this call not ring?").
 *
 * @param decision what becomes of the call
 * @param because the rule, status or default that decided, as the history shows it
 * @param basis what kind of thing decided
 */
public record FilterResult(Decision decision, String because, Basis basis) {

    /** What kind of thing decided a call. */
    public enum Basis {
        /** The caller's identity was not verified (and such callers are refused). */
        UNVERIFIED,
        /** A block rule matched. */
        BLOCK_RULE,
        /** An allow rule matched; the status decided the rest. */
        ALLOW_RULE,
        /** No rule matched; the status decided. */
        STATUS,
        /** The caller went over the callee's hourly limit. */
        RATE_LIMIT
    }

    /** Whether an allow rule matched the caller (such callers are not rate-limited). */
    public boolean allowListed() {
        return basis == Basis.ALLOW_RULE;
    }
}
