package org.callsign.signaling.signal.message;

/**
 * The answer to {@link PlaceCall}: the call's id, which every later message of the call names.
 *
 * @param v protocol version
 * @param id the id of the {@code call} message
 * @param call the call's id
 */
public record CallPlaced(int v, String id, String call) implements ServerMessage {
    public CallPlaced(String id, String call) {
        this(VERSION, id, call);
    }
}
