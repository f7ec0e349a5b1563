package org.callsign.signaling.federation.signature;

import org.callsign.server.api.ErrorCode;

/**
 * Why a federation request's {@code Callsign-Signature} was refused (docs/federation.md, "Signed federation
 * requests"), in the order the receiver checks. Every failure is {@code 401} except {@link #REPLAY_CACHE_FULL}, {@link
 * #REPLAY_CACHE_UNAVAILABLE} and {@link #SENDERS_BUSY}, which say that this server cannot currently tell a replay from a
 * new request, or fetch the sender's keys ({@code 503}).
 */
public enum FederationAuthFailure implements ErrorCode {
    /** No {@code Callsign-Signature} header. */
    SIGNATURE_MISSING("signature-missing", 401),
    /** Not a compact JWS of at most 4 KiB with exactly the documented header and claims. */
    SIGNATURE_MALFORMED("signature-malformed", 401),
    /** {@code aud}, {@code htm} or {@code htu} names another request. */
    SIGNATURE_WRONG_TARGET("signature-wrong-target", 401),
    /** Issued too far ahead, expired, or valid for too long. */
    SIGNATURE_EXPIRED("signature-expired", 401),
    /** The body is not the one signed. */
    DIGEST_MISMATCH("digest-mismatch", 401),
    /** The sender's document could not be had, or does not hold the {@code kid}. */
    SENDER_UNKNOWN("sender-unknown", 401),
    /** The signature does not verify with the sender's key. */
    SIGNATURE_INVALID("signature-invalid", 401),
    /** The {@code jti} was seen from that sender before. */
    SIGNATURE_REPLAYED("signature-replayed", 401),
    /** The replay cache is full of unexpired entries; forgetting one would let it be replayed. */
    REPLAY_CACHE_FULL("replay-cache-full", 503),
    /** The replay cache, shared in Redis by the nodes of a cluster, did not answer; accepting could let a replay in. */
    REPLAY_CACHE_UNAVAILABLE("replay-cache-unavailable", 503),
    /** As many senders' documents as this server fetches at once are being fetched; try again shortly. */
    SENDERS_BUSY("senders-busy", 503);

    private final String code;
    private final int status;

    FederationAuthFailure(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
