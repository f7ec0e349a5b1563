package org.callsign.signaling.connect.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.callsign.server.api.ApiException;

/**
 * webexec's encoding of a session description on {@code /connect}: standard base64 (RFC 4648 §4) of the UTF-8 JSON
 * {@link SessionDescriptionInit}, both ways — the request's {@code offer} and the answer body.
 */
public final class WebexecOffers {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private WebexecOffers() {}

    /**
     * The SDP of an encoded offer.
     *
     * @throws ApiException {@code malformed-offer} naming what is wrong: not base64, not JSON, not an offer, no SDP
     */
    public static String decodeOffer(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            throw malformed("offer is missing");
        }
        byte[] json;
        try {
            json = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw malformed("offer is not base64: " + e.getMessage());
        }
        SessionDescriptionInit description;
        try {
            description = JSON.readValue(json, SessionDescriptionInit.class);
        } catch (JsonProcessingException e) {
            throw malformed("offer is not the JSON of a session description: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw malformed("offer cannot be read");
        }
        if (description == null || !SessionDescriptionInit.OFFER.equals(description.type())) {
            String type = description == null ? null : description.type();
            throw malformed(
                    "offer has type " + (type == null ? "none" : "'" + abbreviate(type) + "'") + ", not 'offer'");
        }
        if (description.sdp() == null || description.sdp().isBlank()) {
            throw malformed("offer has no sdp");
        }
        return description.sdp();
    }

    /** An answer SDP as webexec returns it: base64 of {@code {"type":"answer","sdp":…}}. */
    public static String encodeAnswer(String sdp) {
        try {
            byte[] json = JSON.writeValueAsBytes(new SessionDescriptionInit(SessionDescriptionInit.ANSWER, sdp));
            return Base64.getEncoder().encodeToString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer", e);
        }
    }

    /** Decodes an answer body, for clients and tests. */
    public static SessionDescriptionInit decode(String encoded) {
        try {
            return JSON.readValue(
                    new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8),
                    SessionDescriptionInit.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON session description", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "…";
    }

    private static ApiException malformed(String message) {
        return new ApiException(HttpSignalingError.MALFORMED_OFFER, message);
    }
}
