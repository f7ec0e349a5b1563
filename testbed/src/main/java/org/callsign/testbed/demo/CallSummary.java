package org.callsign.testbed.demo;

/**
 * One call of the demo, for the summary: who called whom, who verified what, and how it ended.
 *
 * @param caller the identity the call claimed
 * @param callee who was called
 * @param verified who checked the caller's identity (and the callee's, for answered calls), and with what result
 * @param outcome how the call ended
 */
public record CallSummary(String caller, String callee, String verified, String outcome) {}
