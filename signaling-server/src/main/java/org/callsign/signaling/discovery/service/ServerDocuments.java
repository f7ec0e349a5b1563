package org.callsign.signaling.discovery.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callsign.wellknown.WellKnownUri;
import org.callsign.wellknown.fetch.FetchException;
import org.callsign.wellknown.fetch.FetchFailure;
import org.callsign.wellknown.fetch.FetchRequest;
import org.callsign.wellknown.fetch.FetchResult;
import org.callsign.wellknown.fetch.Fetcher;

/**
 * Loads and checks other servers' {@code /.well-known/callsign} documents through the hardened fetcher, whose cache
 * keeps them as long as their caching headers allow (RFC 9111).
 */
@Singleton
public class ServerDocuments {

    /** The well-known suffix of the document (RFC 8615). */
    public static final String SUFFIX = "callsign";

    /** The largest document read. */
    public static final long MAX_DOCUMENT_BYTES = 32 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(16)
                        .maxStringLength(8192)
                        .build());
    }

    private final Fetcher fetcher;

    public ServerDocuments(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The document of the server at {@code origin}, checked: its {@code server} is the origin. */
    public ServerDocument fetch(String origin) throws DiscoveryException {
        URI uri = URI.create(origin + WellKnownUri.PATH_PREFIX + SUFFIX);
        FetchResult result;
        try {
            result = fetcher.fetch(
                    FetchRequest.get(uri).accept("application/json").maxBytes(MAX_DOCUMENT_BYTES));
        } catch (FetchException e) {
            boolean bad = e.failure() == FetchFailure.BAD_CONTENT_TYPE || e.failure() == FetchFailure.TOO_LARGE;
            throw new DiscoveryException(
                    bad ? DiscoveryFailure.BAD_DOCUMENT : DiscoveryFailure.SERVER_UNREACHABLE,
                    "server document " + uri + ": " + e.getMessage(),
                    e);
        }
        return parse(origin, result.body());
    }

    /** Parses and checks a document said to be {@code origin}'s. */
    public static ServerDocument parse(String origin, byte[] body) throws DiscoveryException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw bad(origin, "not JSON");
        }
        if (root == null || !root.isObject()) {
            throw bad(origin, "not a JSON object");
        }
        String server = text(root, "server", origin);
        if (!server.equals(origin)) {
            throw bad(origin, "it names another server: " + abbreviate(server));
        }
        List<String> protocols = new ArrayList<>();
        JsonNode list = root.path("protocols");
        if (list.isArray()) {
            list.forEach(p -> {
                if (p.isTextual()) {
                    protocols.add(p.asText());
                }
            });
        }
        String websocket =
                root.path("websocket").isTextual() ? root.get("websocket").asText() : null;
        Optional<ServerDocument.Federation> federation = Optional.empty();
        JsonNode fed = root.get("federation");
        if (fed != null && !fed.isNull()) {
            if (!fed.isObject()) {
                throw bad(origin, "federation is not an object");
            }
            String endpoint = text(fed, "endpoint", origin);
            if (!Origins.isOn(endpoint, origin) || !endpoint.startsWith(origin + "/")) {
                throw bad(origin, "the federation endpoint is not on the server's origin");
            }
            JsonNode keys = fed.get("keys");
            if (keys == null || !keys.isObject() || !keys.path("keys").isArray()) {
                throw bad(origin, "federation.keys is not a JWK set");
            }
            federation = Optional.of(new ServerDocument.Federation(endpoint, keys));
        }
        return new ServerDocument(server, List.copyOf(protocols), websocket, federation);
    }

    private static String text(JsonNode node, String field, String origin) throws DiscoveryException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw bad(origin, field + " is missing or not a string");
        }
        return value.asText();
    }

    private static DiscoveryException bad(String origin, String why) {
        return new DiscoveryException(DiscoveryFailure.BAD_DOCUMENT, "server document of " + origin + ": " + why);
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
