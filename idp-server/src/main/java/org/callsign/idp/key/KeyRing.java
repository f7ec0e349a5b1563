package org.callsign.idp.key;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The IdP's signing keys at one moment: at most one current, at most one next, any number retired. Immutable; each
 * transition returns a new ring, so that a ring can be persisted before it is used.
 */
public record KeyRing(List<SigningKey> keys) {

    public KeyRing {
        keys = List.copyOf(keys);
        if (count(keys, KeyState.CURRENT) > 1 || count(keys, KeyState.NEXT) > 1) {
            throw new IllegalArgumentException("key ring holds more than one current or next key");
        }
    }

    /** A ring without keys. */
    public static KeyRing empty() {
        return new KeyRing(List.of());
    }

    /** The key that signs. */
    public Optional<SigningKey> current() {
        return inState(KeyState.CURRENT).findFirst();
    }

    /** The key published ahead of use. */
    public Optional<SigningKey> next() {
        return inState(KeyState.NEXT).findFirst();
    }

    /** Every published key: current, next, then retired keys, most recently retired first. */
    public List<SigningKey> published() {
        List<SigningKey> published = new ArrayList<>();
        current().ifPresent(published::add);
        next().ifPresent(published::add);
        inState(KeyState.RETIRED)
                .sorted(Comparator.comparing(SigningKey::retired).reversed())
                .forEach(published::add);
        return List.copyOf(published);
    }

    /** This ring with {@code key} as next, replacing any next key (which was never used). */
    public KeyRing withNext(SigningKey key) {
        if (key.state() != KeyState.NEXT) {
            throw new IllegalArgumentException("not a next key: " + key);
        }
        return new KeyRing(Stream.concat(without(KeyState.NEXT), Stream.of(key)).toList());
    }

    /** This ring with the next key made current at {@code now}, for a ring that has no current key yet. */
    public KeyRing activateNext(Instant now) {
        SigningKey next = next().orElseThrow(() -> new IllegalStateException("key ring has no next key"));
        if (current().isPresent()) {
            throw new IllegalStateException("key ring already has a current key");
        }
        return new KeyRing(Stream.concat(without(KeyState.NEXT), Stream.of(next.activate(now)))
                .toList());
    }

    /**
     * Rotation at {@code now}: the current key retires, the next key becomes current, {@code newNext} is published
     * as next.
     */
    public KeyRing rotate(Instant now, SigningKey newNext) {
        SigningKey current = current().orElseThrow(() -> new IllegalStateException("key ring has no current key"));
        SigningKey next = next().orElseThrow(() -> new IllegalStateException("key ring has no next key"));
        Stream<SigningKey> retired = inState(KeyState.RETIRED);
        return new KeyRing(Stream.concat(retired, Stream.of(current.retire(now), next.activate(now), newNext))
                .toList());
    }

    /** Whether the current key has been current for {@code policy.rotationPeriod()} at {@code now}. */
    public boolean rotationDue(Instant now, KeyPolicy policy) {
        return current()
                .map(key -> !now.isBefore(key.activated().plus(policy.rotationPeriod())))
                .orElse(false);
    }

    /** This ring without the retired keys whose retention has passed at {@code now}. */
    public KeyRing withoutExpired(Instant now, KeyPolicy policy) {
        return new KeyRing(keys.stream()
                .filter(key -> key.state() != KeyState.RETIRED
                        || now.isBefore(key.retired().plus(policy.retention())))
                .toList());
    }

    private Stream<SigningKey> inState(KeyState state) {
        return keys.stream().filter(key -> key.state() == state);
    }

    private Stream<SigningKey> without(KeyState state) {
        return keys.stream().filter(key -> key.state() != state);
    }

    private static long count(List<SigningKey> keys, KeyState state) {
        return keys.stream().filter(key -> key.state() == state).count();
    }
}
