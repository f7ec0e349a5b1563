package org.callsign.idp.key;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.callsign.server.store.OptimisticRetry;
import org.jboss.logging.Logger;

/**
 * The IdP's signing keys: the current key signs, the next key is published ahead of use, retired keys stay
 * published until every assertion they signed has expired.
 *
 * <p>On construction the stored ring is loaded; on first start a current and a next key are generated. Every change
 * is persisted before it takes effect, so a signature is never made with a key that a restart would forget.
 * {@link #maintain()} runs on a schedule ({@link KeyRotationJob}); {@link #rotate()} rotates on demand.
 *
 * <p>Several processes may share the store. Each change starts from a fresh read of the stored ring and is saved only
 * if the ring is still the one it read ({@link SigningKeyStore#save}); otherwise it is made again on the new ring, so
 * that a rotation due in two processes at once happens once, and no ring ever has two current keys. {@link
 * #maintain()} also takes up the stored ring when it has nothing to change, so a process signs with a key that another
 * process made current, and publishes the keys it added, at most one {@code check-interval} later; until then it
 * signs with the key it had, which stays published as retired.
 */
public class KeyService {

    private static final Logger LOG = Logger.getLogger(KeyService.class);

    private final SigningKeyStore store;
    private final KeyPolicy policy;
    private final Clock clock;
    private volatile KeyRing ring;

    public KeyService(SigningKeyStore store, KeyPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
        this.ring = change(this::completed);
    }

    /** The key that signs new assertions. */
    public SigningKey current() {
        return ring.current().orElseThrow(() -> new IllegalStateException("no current signing key"));
    }

    /** The keys to publish in the JWKS: current, next, then retired. */
    public List<SigningKey> published() {
        return ring.published();
    }

    /** The policy keys follow. */
    public KeyPolicy policy() {
        return policy;
    }

    /**
     * Rotates now: the current key retires, the next key becomes current, a new next key is generated. Returns the
     * new current key.
     */
    public synchronized SigningKey rotate() {
        change(stored -> rotated(stored, clock.instant()));
        SigningKey current = current();
        LOG.infof(
                "signing key %s is current; %s is next",
                current.kid(), ring.next().map(SigningKey::kid).orElseThrow());
        return current;
    }

    /**
     * Rotates if the current key's period has passed and removes retired keys whose retention has passed; takes up
     * the stored ring, which another process may have changed.
     */
    public synchronized void maintain() {
        Instant now = clock.instant();
        KeyRing before = ring;
        KeyRing after = change(stored -> {
            KeyRing due = stored.rotationDue(now, policy) ? rotated(stored, now) : stored;
            return due.withoutExpired(now, policy);
        });
        if (!after.current().equals(before.current())) {
            LOG.infof("signing key %s is current", current().kid());
        }
    }

    private KeyRing rotated(KeyRing stored, Instant now) {
        return stored.rotate(now, SigningKey.generate(policy.algorithm(), now)).withoutExpired(now, policy);
    }

    /** A loaded ring brought to a usable state: a current key and a next key of the configured algorithm. */
    private KeyRing completed(KeyRing loaded) {
        Instant now = clock.instant();
        KeyRing completed = loaded;
        if (completed.current().isEmpty()) {
            SigningKey first = completed.next().orElseGet(() -> SigningKey.generate(policy.algorithm(), now));
            completed = completed.withNext(first).activateNext(now);
            LOG.infof(
                    "signing key %s (%s) is current",
                    first.kid(), first.algorithm().joseName());
        }
        if (completed.next().map(key -> key.algorithm() != policy.algorithm()).orElse(true)) {
            completed = completed.withNext(SigningKey.generate(policy.algorithm(), now));
        }
        return completed.withoutExpired(now, policy);
    }

    /**
     * Applies {@code transition} to the stored ring and saves the result, again on a fresh read whenever another
     * process changed the ring in between; the saved ring becomes this process's ring.
     */
    private KeyRing change(UnaryOperator<KeyRing> transition) {
        KeyRing changed = OptimisticRetry.run(SigningKeyStore.NAMESPACE + "/" + SigningKeyStore.RING, () -> {
            KeyRing stored = store.load();
            KeyRing next = transition.apply(stored);
            return store.save(stored, next) ? Optional.of(next) : Optional.empty();
        });
        ring = changed;
        return changed;
    }
}
