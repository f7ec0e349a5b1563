package org.callsign.signaling.signal.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Predicate;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * Reads the members of one JSON object of a client message, refusing each problem with {@code invalid-message} and a
 * message that names the member (never quoting its value).
 */
final class JsonFields {
    private final ObjectNode object;
    private final String prefix;

    JsonFields(ObjectNode object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    /** Refuses members outside {@code allowed}. */
    void allowOnly(Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid("unknown field " + quoted(name));
            }
        }
    }

    /** A required string of 1 to {@code max} characters that {@code syntax} accepts (if given). */
    String required(String name, int max, Predicate<String> syntax, String rule) {
        String value = optional(name, max, syntax, rule);
        if (value == null) {
            throw invalid(prefix + name + " is missing");
        }
        return value;
    }

    /** An optional string ({@code null} if absent or null) of 1 to {@code max} characters that the syntax accepts. */
    String optional(String name, int max, Predicate<String> syntax, String rule) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(prefix + name + " must be a string");
        }
        String value = node.textValue();
        if (value.length() > max || (syntax != null && !syntax.test(value))) {
            throw invalid(prefix + name + " must be " + rule);
        }
        return value;
    }

    /** An optional integer from 0 to {@code max}, or {@code null}. */
    Integer optionalIndex(String name, int max) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0 || node.intValue() > max) {
            throw invalid(prefix + name + " must be an integer from 0 to " + max);
        }
        return node.intValue();
    }

    /** An optional boolean, or {@code null}. */
    Boolean optionalBoolean(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw invalid(prefix + name + " must be true or false");
        }
        return node.booleanValue();
    }

    /** The member {@code name}, which must be present: an object, or {@code null}. */
    ObjectNode objectOrNull(String name) {
        if (!object.has(name)) {
            throw invalid(prefix + name + " is missing");
        }
        JsonNode node = object.get(name);
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw invalid(prefix + name + " must be an object or null");
        }
        return (ObjectNode) node;
    }

    /** A member name for a message: quoted if it is short and plain, otherwise described. */
    static String quoted(String name) {
        return name.matches("[A-Za-z0-9_-]{1,32}") ? "'" + name + "'" : "(a name that is not a plain word)";
    }

    private static SignalingException invalid(String message) {
        return new SignalingException(SignalError.INVALID_MESSAGE, message);
    }
}
