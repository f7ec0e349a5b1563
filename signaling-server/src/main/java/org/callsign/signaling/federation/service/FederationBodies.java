package org.callsign.signaling.federation.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.callsign.server.api.ApiException;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.federation.message.CallEvent;
import org.callsign.signaling.federation.message.Invite;
import org.callsign.signaling.signal.service.IdSyntax;

/**
 * Reads federation bodies strictly: exactly the documented members, each of its kind; an SDP that parses; an identity
 * {@code user@domain}. Anything else is {@code invalid-request}, naming the member.
 */
public final class FederationBodies {

    /** The largest SDP in a federation body. */
    public static final int MAX_SDP_CHARS = 32 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static {
        JSON.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(8).build());
    }

    private FederationBodies() {}

    /** Whether {@code id} is a call id. */
    public static boolean isCallId(String id) {
        return IdSyntax.CALL.test(id);
    }

    /** An invite, checked. */
    public static Invite invite(byte[] body) {
        Invite invite = read(body, Invite.class);
        if (!isCallId(invite.call())) {
            throw invalid("call must be 16 to 64 characters of A-Z a-z 0-9 _ -");
        }
        String to;
        try {
            to = DomainRule.normalise(invite.to() == null ? "" : invite.to());
        } catch (IdentityException e) {
            throw invalid("to must be an identity user@domain");
        }
        checkSdp(invite.sdp());
        return new Invite(invite.call(), to, invite.sdp());
    }

    /** An event, checked. */
    public static CallEvent event(byte[] body) {
        CallEvent event = read(body, CallEvent.class);
        if (event.type() == null || !CallEvent.TYPES.contains(event.type())) {
            throw invalid("type must be one of "
                    + String.join(", ", CallEvent.TYPES.stream().sorted().toList()));
        }
        if (event.type().equals(CallEvent.ACCEPTED)) {
            checkSdp(event.sdp());
        } else if (event.sdp() != null) {
            throw invalid("sdp belongs to accepted only");
        }
        if (event.candidate() != null && !event.type().equals(CallEvent.CANDIDATE)) {
            throw invalid("candidate belongs to candidate only");
        }
        if (event.candidate() != null
                && (event.candidate().candidate() == null
                        || event.candidate().candidate().length() > 1024)) {
            throw invalid("candidate.candidate must be a string of at most 1024 characters");
        }
        return event;
    }

    private static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw invalid("the body is empty");
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw invalid("the body must be a JSON object");
            }
            return value;
        } catch (IOException e) {
            throw new ApiException(ApiError.MALFORMED_JSON, "the body is not a " + type.getSimpleName() + " object");
        }
    }

    private static void checkSdp(String sdp) {
        if (sdp == null || sdp.isEmpty() || sdp.length() > MAX_SDP_CHARS) {
            throw invalid("sdp must be an SDP of at most " + MAX_SDP_CHARS + " characters");
        }
        try {
            SessionDescription.parse(sdp);
        } catch (SdpException e) {
            throw invalid("sdp rejected: " + e.getMessage());
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID_REQUEST, message);
    }
}
