package org.callsign.idp.key;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.StoreException;

/**
 * Persists the {@link KeyRing} in a {@link KeyValueStore}, namespace {@value #NAMESPACE}: one JSON record per key
 * under its {@code kid}, holding the state, the dates and the private JWK, and the ring's stamp under {@value #RING}
 * (each kid and its state, a line per key, sorted; no kid holds a {@code ~}). Every change of the ring is written in
 * one atomic update, so a crash never leaves two current keys or none; and only if the stamp is still the one of the
 * ring it changes ({@link KeyValueStore#updateIf}), so that two processes sharing the store cannot both rotate, or
 * both create the first keys, from the same ring.
 */
public final class SigningKeyStore {

    /** The store namespace of signing keys. */
    public static final String NAMESPACE = "signing-keys";

    /** The key of the ring's stamp. */
    public static final String RING = "~ring";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyValueStore store;

    public SigningKeyStore(KeyValueStore store) {
        this.store = store;
    }

    /** The stored ring; empty on first start. Stamps a ring stored before stamps existed. */
    public KeyRing load() {
        List<SigningKey> keys = new ArrayList<>();
        Map<String, byte[]> entries = store.entries(NAMESPACE);
        entries.forEach((kid, value) -> {
            if (!kid.equals(RING)) {
                keys.add(decode(kid, value));
            }
        });
        KeyRing ring = new KeyRing(keys);
        if (!keys.isEmpty() && !entries.containsKey(RING)) {
            // Lost to another process stamping the same ring: the same stamp either way.
            store.compareAndSet(NAMESPACE, RING, null, stamp(ring));
        }
        return ring;
    }

    /**
     * Replaces the stored ring {@code before} with {@code after} in one atomic, durable update, if the stored ring is
     * still {@code before}; returns whether it was (false: another process changed the ring, load it again).
     */
    public boolean save(KeyRing before, KeyRing after) {
        Map<String, byte[]> puts = new HashMap<>();
        after.keys().stream()
                .filter(key -> !before.keys().contains(key))
                .forEach(key -> puts.put(key.kid(), encode(key)));
        Set<String> kept = after.keys().stream().map(SigningKey::kid).collect(Collectors.toSet());
        List<String> removals = before.keys().stream()
                .map(SigningKey::kid)
                .filter(kid -> !kept.contains(kid))
                .toList();
        if (puts.isEmpty() && removals.isEmpty()) {
            return true;
        }
        puts.put(RING, stamp(after));
        Optional<byte[]> expected = before.keys().isEmpty() ? Optional.empty() : Optional.of(stamp(before));
        return store.updateIf(NAMESPACE, Map.of(RING, expected), puts, removals);
    }

    /** Each kid and its state, a line per key, sorted: what tells one ring from another. */
    private static byte[] stamp(KeyRing ring) {
        return ring.keys().stream()
                .map(key -> key.kid() + " " + key.state().value() + "\n")
                .sorted()
                .collect(Collectors.joining())
                .getBytes(StandardCharsets.UTF_8);
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
