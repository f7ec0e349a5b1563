package org.callsign.idp.assertion.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;

/**
 * The only {@code contents} the IdP signs: the RFC 8827 §7.4 fingerprint object
 * {@code {"fingerprint":[{"algorithm":"sha-256","digest":"AB:CD:…"}, …]}}, at least one entry, nothing else. An
 * IdP that signed arbitrary strings would be a signing oracle for anything a relying party might accept.
 *
 * <p>Strict: one JSON object, no duplicate or unknown members, no trailing data; {@code algorithm} one of the hash
 * functions of RFC 8122 §5 that are not refused (SHA-1 and SHA-2), {@code digest} upper- or lower-case hex pairs
 * joined by {@code :}, as long as that function's output. The string is signed exactly as given, never re-serialised.
 */
public final class FingerprintContents {

    /**
     * The longest contents accepted: room for {@value #MAX_FINGERPRINTS} SHA-256 fingerprints, and small enough that
     * the assertion still fits an {@code a=identity} attribute.
     */
    public static final int MAX_CHARS = 2048;

    /** The most fingerprints one contents may list. */
    public static final int MAX_FINGERPRINTS = 16;

    private static final Map<String, Integer> DIGEST_BYTES =
            Map.of("sha-1", 20, "sha-224", 28, "sha-256", 32, "sha-384", 48, "sha-512", 64);

    private static final Pattern HEX_PAIRS = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2})*");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private FingerprintContents() {}

    /** {@code contents} if it is the fingerprint object; otherwise {@code invalid-request} naming the problem. */
    public static String require(String contents) {
        if (contents == null || contents.isEmpty()) {
            throw invalid("contents is required");
        }
        if (contents.length() > MAX_CHARS) {
            throw invalid("contents is longer than " + MAX_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = JSON.readTree(contents);
        } catch (JsonProcessingException e) {
            throw invalid("contents is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw invalid("contents must be a JSON object");
        }
        onlyMembers(root, "contents", "fingerprint");
        JsonNode list = root.get("fingerprint");
        if (list == null || !list.isArray()) {
            throw invalid("contents.fingerprint must be an array");
        }
        if (list.isEmpty()) {
            throw invalid("contents.fingerprint is empty");
        }
        if (list.size() > MAX_FINGERPRINTS) {
            throw invalid("contents.fingerprint has more than " + MAX_FINGERPRINTS + " entries");
        }
        for (int i = 0; i < list.size(); i++) {
            entry(list.get(i), "contents.fingerprint[" + i + "]");
        }
        return contents;
    }

    private static void entry(JsonNode entry, String path) {
        if (!entry.isObject()) {
            throw invalid(path + " must be an object");
        }
        onlyMembers(entry, path, "algorithm", "digest");
        JsonNode algorithm = entry.get("algorithm");
        JsonNode digest = entry.get("digest");
        if (algorithm == null || !algorithm.isTextual()) {
            throw invalid(path + ".algorithm must be a string");
        }
        if (digest == null || !digest.isTextual()) {
            throw invalid(path + ".digest must be a string");
        }
        Integer bytes = DIGEST_BYTES.get(algorithm.textValue().toLowerCase(java.util.Locale.ROOT));
        if (bytes == null) {
            throw invalid(path + ".algorithm must be one of sha-1, sha-224, sha-256, sha-384, sha-512");
        }
        String hex = digest.textValue();
        if (!HEX_PAIRS.matcher(hex).matches() || hex.length() != bytes * 3 - 1) {
            throw invalid(path + ".digest must be " + bytes + " hex pairs joined by ':'");
        }
    }

    private static void onlyMembers(JsonNode object, String path, String... allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of(allowed).contains(name)) {
                throw invalid(path + " has an unexpected member '" + abbreviate(name) + "'");
            }
        }
    }

    private static String abbreviate(String value) {
        String cut = value.length() > 32 ? value.substring(0, 32) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID_REQUEST, message);
    }
}
