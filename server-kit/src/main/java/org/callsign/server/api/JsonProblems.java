package org.callsign.server.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/**
 * Describes why a JSON request body was refused, for the {@code message} of a {@code malformed-json} error: whether it
 * was not JSON at all or did not match the expected object (and at which member), and where (line and column). Never
 * quotes the input, which may hold a password or key.
 */
public final class JsonProblems {

    private JsonProblems() {}

    /** Where and how the JSON broke, without quoting it. */
    public static String describe(JsonProcessingException e) {
        StringBuilder message = new StringBuilder();
        if (e instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()
                && mapping.getPath().stream().anyMatch(ref -> ref.getFieldName() != null)) {
            message.append("request body does not match the expected object at '")
                    .append(mapping.getPath().stream()
                            .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                            .collect(Collectors.joining(".")))
                    .append("'");
        } else if (e instanceof JsonMappingException) {
            message.append("request body does not match the expected object");
        } else {
            message.append("request body is not valid JSON");
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message.append(" (line ")
                    .append(location.getLineNr())
                    .append(", column ")
                    .append(location.getColumnNr())
                    .append(')');
        }
        return message.toString();
    }
}
