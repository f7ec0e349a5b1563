package org.callsign.signaling.signal.service;

import org.callsign.signaling.signal.message.Sender;

/**
 * A party to signaling: one of a client's devices on a WebSocket connection, or the caller of a one-shot HTTP
 * exchange ({@code /connect}, WHIP). A party only ever reaches the devices of its own client.
 */
public sealed interface Party permits DeviceParty, HttpParty {

    /** The client whose devices this party may signal. */
    String clientId();

    /** A key unique among all parties, which sessions use to name their two ends. */
    String address();

    /** The sender stamp of this party's messages, as the server verified it. */
    Sender sender();
}
