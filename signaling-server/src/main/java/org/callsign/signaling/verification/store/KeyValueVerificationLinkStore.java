package org.callsign.signaling.verification.store;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/**
 * Verification links' state in a {@link KeyValueStore}: the signing key in namespace {@value #KEYS} (base64url, in the
 * store file that only its owner can read) and the used link ids in namespace {@value #USED}, each with its expiry.
 * Checks and writes are conditional writes of the store ({@link JsonNamespace#putIfAbsent}), so that processes sharing
 * it agree on one key and accept each link once.
 */
@Singleton
public class KeyValueVerificationLinkStore implements VerificationLinkStore {

    /** The store namespace of the signing key. */
    public static final String KEYS = "verification-keys";

    /** The store namespace of used link ids. */
    public static final String USED = "used-verification-links";

    private static final String LINK_KEY = "link";

    /** The stored key. */
    record SigningKey(String key, Instant created) {

        /** Names the record, never the key. */
        @Override
        public String toString() {
            return "SigningKey[created=" + created + "]";
        }
    }

    /** A used link, kept until it expires. */
    record UsedLink(Instant expires) {}

    private final JsonNamespace<SigningKey> keys;
    private final JsonNamespace<UsedLink> used;

    public KeyValueVerificationLinkStore(KeyValueStore store) {
        this.keys = new JsonNamespace<>(store, KEYS, SigningKey.class);
        this.used = new JsonNamespace<>(store, USED, UsedLink.class);
    }

    @Override
    public byte[] signingKey(Supplier<byte[]> generate) {
        SigningKey stored = keys.get(LINK_KEY).orElseGet(() -> {
            SigningKey created = new SigningKey(
                    Base64.getUrlEncoder().withoutPadding().encodeToString(generate.get()), Instant.now());
            // Another process may have stored its key first: then that one is the key.
            return keys.putIfAbsent(LINK_KEY, created)
                    ? created
                    : keys.get(LINK_KEY).orElseThrow();
        });
        return Base64.getUrlDecoder().decode(stored.key());
    }

    @Override
    public boolean used(String linkId) {
        return used.get(linkId).isPresent();
    }

    @Override
    public boolean markUsed(String linkId, Instant expires, Instant now) {
        used.removeWhere(link -> link.expires().isBefore(now));
        return used.putIfAbsent(linkId, new UsedLink(expires));
    }
}
