package org.callsign.signaling.signal.message;

/**
 * The server's first message on a new or resumed connection: who the connection is, how to resume it, and the limits
 * it must keep to.
 *
 * @param v protocol version
 * @param id the server's id of this notice
 * @param device this connection's device as its peers see it
 * @param resume the token that resumes this device's connection after a drop, within {@code resumeWindow} seconds; a
 *     new one at every welcome, the previous one no longer works
 * @param resumed whether this connection resumed an earlier one (the messages held for it follow)
 * @param resumeWindow seconds a dropped connection is held for resuming
 * @param heartbeat seconds between the server's WebSocket pings; a connection silent for twice as long is closed
 * @param limits the limits of this connection
 */
public record Welcome(
        int v, String id, Peer device, String resume, boolean resumed, long resumeWindow, long heartbeat, Limits limits)
        implements ServerMessage {

    public Welcome(Peer device, String resume, boolean resumed, long resumeWindow, long heartbeat, Limits limits) {
        this(VERSION, ServerIds.next(), device, resume, resumed, resumeWindow, heartbeat, limits);
    }

    /**
     * The limits a device must keep to; past them its messages are refused with {@code too-large} or
     * {@code rate-limited}.
     *
     * @param maxMessageBytes largest text message, in bytes of UTF-8
     * @param messagesPerSecond messages per second per connection (sustained; bursts of as many)
     */
    public record Limits(int maxMessageBytes, int messagesPerSecond) {}
}
