package org.callsign.idp.key;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The IdP's signing keys: the current key signs, the next key is published ahead of use, retired keys stay
 * published until every assertion they signed has expired.
 *
 * <p>On construction the stored ring is loaded; on first start a current and a next key are generated. Every change
 * is persisted before it takes effect, so a signature is never made with a key that a restart would forget.
 * {@link #maintain()} runs on a schedule ({@link KeyRotationJob}); {@link #rotate()} rotates on demand.
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
        this.ring = store.load();
        synchronized (this) {
            complete();
        }
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
        Instant now = clock.instant();
        KeyRing rotated =
                ring.rotate(now, SigningKey.generate(policy.algorithm(), now)).withoutExpired(now, policy);
        commit(rotated);
        SigningKey current = current();
        LOG.infof(
                "signing key %s is current; %s is next",
                current.kid(), ring.next().map(SigningKey::kid).orElseThrow());
        return current;
    }

    /** Rotates if the current key's period has passed and removes retired keys whose retention has passed. */
    public synchronized void maintain() {
        Instant now = clock.instant();
        if (ring.rotationDue(now, policy)) {
            rotate();
        }
        KeyRing pruned = ring.withoutExpired(now, policy);
        if (!pruned.equals(ring)) {
            commit(pruned);
            LOG.debugf(
                    "retired signing keys removed; %d published",
                    ring.published().size());
        }
    }

    /** Brings a loaded ring to a usable state: a current key and a next key of the configured algorithm. */
    private void complete() {
        Instant now = clock.instant();
        KeyRing completed = ring;
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
        completed = completed.withoutExpired(now, policy);
        commit(completed);
    }

    private void commit(KeyRing next) {
        store.save(ring, next);
        ring = next;
    }
}
