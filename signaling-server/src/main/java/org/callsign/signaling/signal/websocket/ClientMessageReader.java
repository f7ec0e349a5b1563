package org.callsign.signaling.signal.websocket;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.callsign.server.api.JsonProblems;
import org.callsign.signaling.signal.message.AcceptCall;
import org.callsign.signaling.signal.message.Answer;
import org.callsign.signaling.signal.message.Bye;
import org.callsign.signaling.signal.message.CallCandidate;
import org.callsign.signaling.signal.message.Candidate;
import org.callsign.signaling.signal.message.ClientMessage;
import org.callsign.signaling.signal.message.DeclineCall;
import org.callsign.signaling.signal.message.HangUp;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.message.Offer;
import org.callsign.signaling.signal.message.Ping;
import org.callsign.signaling.signal.message.PlaceCall;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.IdSyntax;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * Reads a client message (docs/protocol.md) strictly: one JSON object, nested at most {@value #MAX_DEPTH} deep, with
 * {@code type}, {@code v} and {@code id}, the members of its type and no others, each of its kind and length. A sender
 * never names itself: a {@code from} is refused. Every problem is an {@link UnreadableMessage} whose refusal names the
 * member, never quoting a value.
 */
final class ClientMessageReader {
    /** Deepest nesting of objects and arrays read; a message needs 3. */
    static final int MAX_DEPTH = 8;

    static final int MAX_REASON = 256;
    static final int MAX_CANDIDATE = 1024;
    static final int MAX_MID = 64;
    static final int MAX_UFRAG = 256;
    static final int MAX_MLINE_INDEX = 1023;

    /** Identities {@code user@domain}, before the domain rule normalises them. */
    static final Predicate<String> IDENTITY =
            Pattern.compile("[^@\\s]{1,128}@[A-Za-z0-9.:\\[\\]-]{1,255}").asMatchPredicate();

    private static final Predicate<String> DECLINE_REASON =
            Pattern.compile("declined|busy").asMatchPredicate();
    private static final String CALL_RULE = "16 to 64 characters of A-Z a-z 0-9 _ -";
    private static final String SESSION_RULE = "8 to 64 characters of A-Z a-z 0-9 _ -";
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "offer", Set.of("type", "v", "id", "to", "session", "sdp"),
            "answer", Set.of("type", "v", "id", "session", "sdp"),
            "candidate", Set.of("type", "v", "id", "session", "candidate"),
            "bye", Set.of("type", "v", "id", "session", "reason"),
            "ping", Set.of("type", "v", "id"),
            "call", Set.of("type", "v", "id", "to", "sdp"),
            "accept", Set.of("type", "v", "id", "call", "sdp"),
            "decline", Set.of("type", "v", "id", "call", "reason", "reveal"),
            "hangup", Set.of("type", "v", "id", "call"),
            "call-candidate", Set.of("type", "v", "id", "call", "candidate"));
    private static final Set<String> CANDIDATE_MEMBERS =
            Set.of("candidate", "sdpMid", "sdpMLineIndex", "usernameFragment");

    private final ObjectMapper mapper;

    /** A reader whose strings, an SDP included, are at most {@code maxStringLength} characters. */
    ClientMessageReader(int maxStringLength) {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(maxStringLength)
                        .maxNumberLength(20)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The message of {@code text}. */
    ClientMessage read(String text) {
        ObjectNode object = parse(text);
        String id = null;
        try {
            JsonFields fields = new JsonFields(object, "");
            id = fields.required("id", 64, IdSyntax.MESSAGE, "1 to 64 printable ASCII characters without spaces");
            version(object);
            String type = type(object);
            if (object.has("from")) {
                throw invalid("from is set by the server, never by the sender");
            }
            fields.allowOnly(MEMBERS.get(type));
            return message(type, id, fields);
        } catch (SignalingException e) {
            throw new UnreadableMessage(id, e);
        }
    }

    private ObjectNode parse(String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new UnreadableMessage(null, new SignalingException(SignalError.MALFORMED_JSON, constraint(e)));
        } catch (JsonProcessingException e) {
            throw new UnreadableMessage(null, new SignalingException(SignalError.MALFORMED_JSON, problem(e)));
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableMessage(
                    null, new SignalingException(SignalError.MALFORMED_JSON, "a message is one JSON object"));
        }
        return (ObjectNode) node;
    }

    private static String problem(JsonProcessingException e) {
        String description = JsonProblems.describe(e).replace("request body", "message");
        String detail = e.getOriginalMessage();
        return detail != null && detail.startsWith("Duplicate field")
                ? description.replace("is not valid JSON", "has a member twice")
                : description;
    }

    private static String constraint(StreamConstraintsException e) {
        String detail = e.getOriginalMessage();
        if (detail != null && detail.contains("nesting depth")) {
            return "message nests deeper than " + MAX_DEPTH + " levels";
        }
        return "message has a string or number longer than allowed";
    }

    private static String type(ObjectNode object) {
        JsonNode type = object.get("type");
        if (type == null || type.isNull()) {
            throw invalid("type is missing");
        }
        if (!type.isTextual() || !MEMBERS.containsKey(type.textValue())) {
            String name = type.isTextual() ? " " + JsonFields.quoted(type.textValue()) : "";
            throw new SignalingException(
                    SignalError.UNKNOWN_TYPE,
                    "unknown message type" + name
                            + ": offer, answer, candidate, bye, ping, call, accept, decline, hangup or call-candidate");
        }
        return type.textValue();
    }

    private static void version(ObjectNode object) {
        JsonNode v = object.get("v");
        if (v == null || v.isNull()) {
            throw invalid("v is missing");
        }
        if (!v.isIntegralNumber()) {
            throw invalid("v must be an integer");
        }
        if (!v.canConvertToInt() || v.intValue() != ServerMessage.VERSION) {
            throw new SignalingException(
                    SignalError.UNSUPPORTED_VERSION,
                    "protocol version " + (v.canConvertToInt() ? v.intValue() : "beyond range")
                            + " is not supported: this server speaks " + ServerMessage.VERSION);
        }
    }

    private static ClientMessage message(String type, String id, JsonFields fields) {
        int v = ServerMessage.VERSION;
        return switch (type) {
            case "offer" ->
                new Offer(
                        v,
                        id,
                        fields.optional("to", 64, IdSyntax.DEVICE, "a device id"),
                        session(fields),
                        fields.required("sdp", Integer.MAX_VALUE, null, "an SDP"));
            case "answer" -> new Answer(v, id, session(fields), fields.required("sdp", Integer.MAX_VALUE, null, ""));
            case "candidate" -> new Candidate(v, id, session(fields), candidate(fields));
            case "bye" ->
                new Bye(
                        v,
                        id,
                        session(fields),
                        fields.optional("reason", MAX_REASON, null, "at most " + MAX_REASON + " characters"));
            case "call" ->
                new PlaceCall(
                        v,
                        id,
                        fields.required("to", 384, IDENTITY, "an identity user@domain"),
                        fields.required("sdp", Integer.MAX_VALUE, null, "an SDP"));
            case "accept" -> new AcceptCall(v, id, call(fields), fields.required("sdp", Integer.MAX_VALUE, null, ""));
            case "decline" ->
                new DeclineCall(
                        v,
                        id,
                        call(fields),
                        fields.optional("reason", 16, DECLINE_REASON, "declined or busy"),
                        fields.optionalBoolean("reveal"));
            case "hangup" -> new HangUp(v, id, call(fields));
            case "call-candidate" -> new CallCandidate(v, id, call(fields), candidate(fields));
            default -> new Ping(v, id);
        };
    }

    private static String call(JsonFields fields) {
        return fields.required("call", 64, IdSyntax.CALL, CALL_RULE);
    }

    private static String session(JsonFields fields) {
        return fields.required("session", 64, IdSyntax.SESSION, SESSION_RULE);
    }

    private static IceCandidate candidate(JsonFields fields) {
        ObjectNode object = fields.objectOrNull("candidate");
        if (object == null) {
            return null;
        }
        JsonFields candidate = new JsonFields(object, "candidate.");
        candidate.allowOnly(CANDIDATE_MEMBERS);
        String value = candidate.optional("candidate", MAX_CANDIDATE, null, "at most " + MAX_CANDIDATE + " characters");
        if (value == null) {
            throw invalid("candidate.candidate is missing (an empty string ends a generation)");
        }
        return new IceCandidate(
                value,
                candidate.optional("sdpMid", MAX_MID, null, "at most " + MAX_MID + " characters"),
                candidate.optionalIndex("sdpMLineIndex", MAX_MLINE_INDEX),
                candidate.optional("usernameFragment", MAX_UFRAG, null, "at most " + MAX_UFRAG + " characters"));
    }

    private static SignalingException invalid(String message) {
        return new SignalingException(SignalError.INVALID_MESSAGE, message);
    }
}
