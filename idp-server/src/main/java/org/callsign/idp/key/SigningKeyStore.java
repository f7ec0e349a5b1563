package org.callsign.idp.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.StoreException;

/**
 * Persists the {@link KeyRing} in a {@link KeyValueStore}, namespace {@value #NAMESPACE}: one JSON record per key
 * under its {@code kid}, holding the state, the dates and the private JWK. Every change of the ring is written in
 * one atomic update, so a crash never leaves two current keys or none.
 */
public final class SigningKeyStore {

    /** The store namespace of signing keys. */
    public static final String NAMESPACE = "signing-keys";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyValueStore store;

    public SigningKeyStore(KeyValueStore store) {
        this.store = store;
    }

    /** The stored ring; empty on first start. */
    public KeyRing load() {
        List<SigningKey> keys = new ArrayList<>();
        store.entries(NAMESPACE).forEach((kid, value) -> keys.add(decode(kid, value)));
        return new KeyRing(keys);
    }

    /** Replaces the stored ring {@code before} with {@code after} in one atomic, durable update. */
    public void save(KeyRing before, KeyRing after) {
        Map<String, byte[]> puts = new HashMap<>();
        after.keys().stream()
                .filter(key -> !before.keys().contains(key))
                .forEach(key -> puts.put(key.kid(), encode(key)));
        Set<String> kept = after.keys().stream().map(SigningKey::kid).collect(Collectors.toSet());
        List<String> removals = before.keys().stream()
                .map(SigningKey::kid)
                .filter(kid -> !kept.contains(kid))
                .toList();
        if (!puts.isEmpty() || !removals.isEmpty()) {
            store.update(NAMESPACE, puts, removals);
        }
    }

    private static byte[] encode(SigningKey key) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kid", key.kid());
        node.put("alg", key.algorithm().joseName());
        node.put("state", key.state().value());
        node.put("created", key.created().toString());
        if (key.activated() != null) {
            node.put("activated", key.activated().toString());
        }
        if (key.retired() != null) {
            node.put("retired", key.retired().toString());
        }
        node.put("jwk", key.jwk().toJSONString());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new StoreException("cannot encode signing key " + key.kid());
        }
    }

    private static SigningKey decode(String kid, byte[] value) {
        try {
            JsonNode node = JSON.readTree(value);
            return new SigningKey(
                    kid,
                    KeyAlgorithm.fromJoseName(node.path("alg").asText()),
                    KeyState.fromValue(node.path("state").asText()),
                    Instant.parse(node.path("created").asText()),
                    instant(node, "activated"),
                    instant(node, "retired"),
                    JWK.parse(node.path("jwk").asText()));
        } catch (Exception e) {
            // The cause may quote the record, which holds the private key: name the type only.
            throw new StoreException(
                    "signing key " + kid + " is unreadable (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : Instant.parse(value.asText());
    }
}
