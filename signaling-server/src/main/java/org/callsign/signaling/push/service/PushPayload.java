package org.callsign.signaling.push.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * The plaintext of a push, before RFC 8291 encryption: UTF-8 JSON
 * {@code {"type":"incoming-call","call":"<id>","caller":"user@domain","expires":<epoch seconds>}}, without
 * {@code caller} when there is none. Built only from a {@link CallNotification}, so nothing else can get in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "call", "caller", "expires"})
record PushPayload(String type, String call, String caller, long expires) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The payload of a notification. */
    static PushPayload of(CallNotification notification) {
        return new PushPayload(
                notification.kind().value(),
                notification.call(),
                notification.caller(),
                notification.expires().getEpochSecond());
    }

    /** The UTF-8 JSON bytes. */
    byte[] toBytes() {
        try {
            return JSON.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a push payload", e);
        }
    }
}
