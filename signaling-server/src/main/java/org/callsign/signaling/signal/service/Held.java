package org.callsign.signaling.signal.service;

import org.callsign.signaling.signal.message.ServerMessage;

/**
 * A message held for a reconnecting device, with who sent it and under which id, so that the sender can be told if
 * the device never comes back.
 *
 * @param message the message, as it will be delivered
 * @param sender the address of the sending party
 * @param messageId the sender's id of the message, or {@code null}
 */
public record Held(ServerMessage message, String sender, String messageId) {}
