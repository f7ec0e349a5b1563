package org.callsign.shim.identity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;

/**
 * Reads the small JSON documents of RFC 8827 strictly (RFC 8259 only: no comments, no trailing data) and refuses
 * duplicate member names and deep nesting, which a lenient reader would resolve in ways a signer may not have
 * meant. Every failure is {@link IdentityError#IDENTITY_MALFORMED}, its message prefixed by what was being read.
 */
final class StrictJson {
    /** Deeper than any document RFC 8827 defines, shallow enough to be cheap. */
    static final int MAX_NESTING_DEPTH = 16;

    /** How Jackson reports a duplicate member name. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {}

    /** A fresh object node whose members keep the order they are put in. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Compact JSON, members in insertion order. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree");
        }
    }

    /** Reads {@code json}, which must be one JSON object. */
    static ObjectNode readObject(String json, String rejected) throws IdentityException {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw malformed(rejected + ": nested deeper than " + MAX_NESTING_DEPTH + " levels or a value too long");
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.lookingAt()) {
                throw malformed(rejected + ": duplicate member " + quote(duplicate.group(1)));
            }
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw malformed(rejected + ": not a JSON object (invalid JSON" + where + ")");
        }
        if (node == null || node.isMissingNode()) {
            throw malformed(rejected + ": not a JSON object (no JSON value)");
        }
        if (!node.isObject()) {
            throw malformed(rejected + ": not a JSON object ("
                    + node.getNodeType().name().toLowerCase(Locale.ROOT) + ")");
        }
        return (ObjectNode) node;
    }

    /** The string member {@code name} of {@code object}; {@code path} names it in the message. */
    static String string(JsonNode object, String name, String path, String rejected) throws IdentityException {
        JsonNode value = object.get(name);
        if (value == null || !value.isTextual()) {
            throw malformed(rejected + ": " + path + " missing or not a string");
        }
        if (value.textValue().isEmpty()) {
            throw malformed(rejected + ": " + path + " is empty");
        }
        return value.textValue();
    }

    /** {@code value} quoted for a message: at most 40 characters, anything outside printable ASCII as {@code ?}. */
    static String quote(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return '"' + cut.replaceAll("[^\\x20-\\x7e]", "?") + '"';
    }

    /**
     * An {@link IdentityError#IDENTITY_MALFORMED} failure. The parser's exception is not kept as the cause: its
     * message can quote the input, and an assertion must not end up in a log.
     */
    static IdentityException malformed(String message) {
        return new IdentityException(IdentityError.IDENTITY_MALFORMED, message);
    }
}
