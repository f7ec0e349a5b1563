package org.callsign.signaling.signal.message;

/**
 * The server's receipt for a relayed message: {@code delivered} when it was handed to the target's connection,
 * {@code queued} when the target is reconnecting and will receive it on resuming (if it does not, the sender gets an
 * {@link ErrorMessage} for the same id).
 *
 * @param v protocol version
 * @param id the id of the message acknowledged
 * @param status {@code delivered} or {@code queued}
 */
public record Ack(int v, String id, String status) implements ServerMessage {
    public static final String DELIVERED = "delivered";
    public static final String QUEUED = "queued";

    public Ack(String id, String status) {
        this(VERSION, id, status);
    }
}
