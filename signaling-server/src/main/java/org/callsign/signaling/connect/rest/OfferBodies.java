package org.callsign.signaling.connect.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.callsign.server.api.ApiException;
import org.callsign.server.api.JsonProblems;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.BodySizeFilter;

/**
 * The bodies of one-shot HTTP signaling ({@code /connect}, {@code /whip}): at most
 * {@link BodySizeFilter#MAX_OFFER_BODY_BYTES}, which {@link BodySizeFilter} checks by {@code Content-Length} before a
 * body is read and {@link #bounded} once it is (a chunked body).
 */
public final class OfferBodies {

    private static final int MAX_BYTES = BodySizeFilter.MAX_OFFER_BODY_BYTES;

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private OfferBodies() {}

    /** {@code body}, refused with {@code body-too-large} past the limit. */
    public static String bounded(String body) {
        if (body != null && body.length() > MAX_BYTES / 4) {
            long bytes = body.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_BYTES) {
                throw new ApiException(ApiError.BODY_TOO_LARGE, BodySizeFilter.tooLarge(bytes, MAX_BYTES));
            }
        }
        return body;
    }

    /** A bounded JSON body as {@code type}; {@code malformed-json} with line and column if it is not. */
    public static <T> T json(String body, Class<T> type) {
        try {
            T value = JSON.readValue(bounded(body), type);
            if (value == null) {
                throw new ApiException(ApiError.INVALID_REQUEST, "request body is required");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.MALFORMED_JSON, JsonProblems.describe(e));
        }
    }
}
