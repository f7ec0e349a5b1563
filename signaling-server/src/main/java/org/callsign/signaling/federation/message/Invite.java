package org.callsign.signaling.federation.message;

/**
 * The body of {@code POST /federation/v1/invites} (docs/federation.md): a call from the sending server's user.
 *
 * @param call the call id the caller's server chose
 * @param to the callee's identity
 * @param sdp the caller's offer, with {@code a=identity}
 */
public record Invite(String call, String to, String sdp) {}
