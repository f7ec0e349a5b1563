package org.callsign.benchmarks.calls;

/**
 * The times of one call, all on the benchmark process's clock ({@link System#nanoTime()}), which both devices share.
 *
 * @param lookup the caller's {@code GET /api/lookup} of the callee's server, in nanoseconds (before {@code t0}); 0
 *     when the device knew the answer from an earlier call
 * @param offerAssertion asserting the caller's offer for the callee's server, in nanoseconds (before {@code t0})
 * @param sent {@code t0}: just before the caller's device wrote {@code call}
 * @param ringing when the caller's {@code call-update ringing} arrived, or 0 if it came after the answer
 * @param incoming when the callee's {@code incoming-call} arrived
 * @param calleeVerified when the callee's device had verified the caller
 * @param acceptSent when the callee's device had written {@code accept} with its asserted answer
 * @param accepted when the caller's {@code call-update accepted} arrived
 * @param verified {@code t1}: when the caller's device had verified the callee's answer
 */
record CallTiming(
        long lookup,
        long offerAssertion,
        long sent,
        long ringing,
        long incoming,
        long calleeVerified,
        long acceptSent,
        long accepted,
        long verified) {

    /** {@code t1 − t0}: the call set-up time. */
    long total() {
        return verified - sent;
    }

    /** From {@code call} to the callee's {@code incoming-call}: both servers, the invite and its checks. */
    long invitePath() {
        return incoming - sent;
    }

    /** The callee's device verifying the caller. */
    long calleeVerify() {
        return calleeVerified - incoming;
    }

    /** The callee's device asserting its answer and writing {@code accept}. */
    long calleeAssert() {
        return acceptSent - calleeVerified;
    }

    /** From {@code accept} to the caller's {@code call-update accepted}: both servers, the accepted event. */
    long acceptPath() {
        return accepted - acceptSent;
    }

    /** The caller's device verifying the answer. */
    long callerVerify() {
        return verified - accepted;
    }

    /** The header of {@link #tsv}. */
    static String tsvHeader() {
        return "lookup_ms\toffer_assertion_ms\ttotal_ms\tinvite_path_ms\tcallee_verify_ms\tcallee_assert_ms"
                + "\taccept_path_ms\tcaller_verify_ms\tringing_ms";
    }

    /** One line of milliseconds, in the order of {@link #tsvHeader}. */
    String tsv() {
        return String.join(
                "\t",
                ms(lookup),
                ms(offerAssertion),
                ms(total()),
                ms(invitePath()),
                ms(calleeVerify()),
                ms(calleeAssert()),
                ms(acceptPath()),
                ms(callerVerify()),
                ringing == 0 ? "" : ms(ringing - sent));
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
