package org.callsign.signaling.cluster.service;

import java.util.Objects;
import java.util.Optional;

/**
 * One message between the nodes of a cluster, as text: five lines, {@code type}, {@code from} (the sending node),
 * {@code link}, {@code seq}, then the payload, which may hold anything, line breaks too.
 *
 * <p>A link is one device connection that a node (its edge) forwards to the client's home node: frames from the edge
 * carry what the device sent, frames from the home what the server sends it. Each direction of a link numbers its
 * frames from 1, so that a receiver notices a frame that never came (a lost subscription) and ends the link instead of
 * going on without it. {@link Type#EVENT} frames go to every node and belong to no link; a {@link Type#REQUEST} and its
 * {@link Type#RESPONSE} carry the request's id as their link.
 *
 * @param type what the frame does
 * @param from the node that sent it
 * @param link the link it belongs to, or empty for an event
 * @param seq its number on the link in its direction, or 0 for an event
 * @param payload what it carries
 */
public record Frame(Type type, String from, String link, long seq, String payload) {

    public Frame {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(payload, "payload");
        if (from.indexOf('\n') >= 0 || link.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a node or link id holds a line break");
        }
    }

    /** The frame as sent. */
    public String encode() {
        return type.name() + '\n' + from + '\n' + link + '\n' + seq + '\n' + payload;
    }

    /** The frame {@code text} holds, or empty if it is not one (another version's, or garbage). */
    public static Optional<Frame> parse(String text) {
        int[] breaks = new int[4];
        int at = -1;
        for (int i = 0; i < breaks.length; i++) {
            at = text.indexOf('\n', at + 1);
            if (at < 0) {
                return Optional.empty();
            }
            breaks[i] = at;
        }
        try {
            Type type = Type.valueOf(text.substring(0, breaks[0]));
            long seq = Long.parseLong(text.substring(breaks[2] + 1, breaks[3]));
            return Optional.of(new Frame(
                    type,
                    text.substring(breaks[0] + 1, breaks[1]),
                    text.substring(breaks[1] + 1, breaks[2]),
                    seq,
                    text.substring(breaks[3] + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What a frame does. */
    public enum Type {
        /** Edge to home: a device connected; the payload is its admission (JSON). */
        OPEN,
        /** Edge to home: a text message of the device. */
        TEXT,
        /** Edge to home: a binary frame of the device (refused by the home, as locally). */
        BINARY,
        /** Edge to home: the device answered a ping. */
        ALIVE,
        /** Edge to home: the device's connection closed, or the edge ended the link. */
        CLOSED,
        /** Home to edge: a message for the device, as JSON text. */
        SEND,
        /** Home to edge: close the device's connection; the payload is the error code, a line break, the reason. */
        CLOSE,
        /** Any node to all: something happened that other nodes must apply (a revocation, a device change). */
        EVENT,
        /** One node to another: run this for me; the link is the request's id, the payload its kind and body. */
        REQUEST,
        /** The answer to a {@link #REQUEST}: {@code ok} and the result, or {@code error}, the code and the message. */
        RESPONSE
    }
}
