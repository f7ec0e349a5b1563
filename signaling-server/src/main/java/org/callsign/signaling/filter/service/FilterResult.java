package org.callsign.signaling.filter.service;

/**
 * A filter's decision on one call and why: the rule that made it ({@code block *@spam.example}), or the status or
 * default, for the call history ("why did this call not ring?").
 *
 * @param decision what becomes of the call
 * @param because the rule, status or default that decided
 * @param allowListed whether an allow rule matched the caller (such callers are not rate-limited)
 */
public record FilterResult(Decision decision, String because, boolean allowListed) {}
