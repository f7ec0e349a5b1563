package org.callsign.shim.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.wellknown.fetch.FetchException;
import org.callsign.wellknown.fetch.FetchRequest;
import org.callsign.wellknown.fetch.FetchResult;
import org.callsign.wellknown.fetch.Fetcher;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;

/**
 * Runs IdP proxy scripts (W3C webrtc-identity §5, RFC 8827 §7) in GraalJS realms: loads
 * {@code /.well-known/idp-proxy/<protocol>} through the hardened fetcher, evaluates it once per realm
 * (registration must happen in that first run), and calls {@code generateAssertion} or
 * {@code validateAssertion} under one deadline that covers load and call.
 *
 * <p>One shared {@link Engine} caches parsed scripts. It is built on first use ({@link #prepare}), not with the
 * sandbox: building it loads and initialises several hundred classes, which a server that constructs its sandbox at
 * start would otherwise pay before it is ready, whether or not it ever verifies an identity. Realms are kept per IdP
 * and reused while the script is unchanged (the fetcher's cache revalidates it); a realm whose context was cancelled is discarded. No
 * state is shared between realms. Containment: {@link SandboxPolicy#CONSTRAINED}, a statement limit, the
 * watchdog's deadline and allocation budget, size caps, and a bound on concurrent operations.
 */
public final class IdpSandbox implements AutoCloseable {
    /** Media types accepted for proxy scripts. */
    public static final String[] SCRIPT_TYPES = {
        "text/javascript",
        "application/javascript",
        "application/x-javascript",
        "text/ecmascript",
        "application/ecmascript"
    };

    private final Fetcher fetcher;
    private final SandboxConfig config;
    private final Object engineLock = new Object();
    private volatile Polyglot polyglot;
    private boolean closed;
    private final Watchdog watchdog = new Watchdog();
    private final Semaphore slots;
    private final CookieJar cookies = new CookieJar();
    private final Map<IdpProxyAddress, Realm> realms;

    public IdpSandbox(Fetcher fetcher, SandboxConfig config) {
        this.fetcher = fetcher;
        this.config = config;
        this.slots = new Semaphore(config.maxConcurrentOperations(), true);
        this.realms = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** What the realms share: built once, on first use, since building it is most of a cold start's cost. */
    private record Polyglot(Engine engine, ResourceLimits limits, Source prelude) {}

    /**
     * Builds the shared engine now unless it is built already; safe to call from any thread, any number of times.
     * Operations call it before their deadline starts, so that the first one is not cut short by it; a server may call
     * it ahead of its first call (in the background) so that the first call does not wait for it.
     *
     * @throws IllegalStateException once the sandbox is closed
     */
    public void prepare() {
        polyglot();
    }

    /** Whether the shared engine is built ({@link #prepare}, or a first operation). */
    public boolean prepared() {
        return polyglot != null;
    }

    private Polyglot polyglot() {
        Polyglot built = polyglot;
        if (built != null) {
            return built;
        }
        synchronized (engineLock) {
            if (closed) {
                throw new IllegalStateException("the IdP sandbox is closed");
            }
            if (polyglot == null) {
                Engine engine = Engine.newBuilder("js")
                        .sandbox(SandboxPolicy.CONSTRAINED)
                        .out(OutputStream.nullOutputStream())
                        .err(OutputStream.nullOutputStream())
                        .option("engine.WarnInterpreterOnly", "false")
                        .build();
                ResourceLimits limits = ResourceLimits.newBuilder()
                        .statementLimit(config.statementLimit(), null)
                        .build();
                polyglot = new Polyglot(engine, limits, loadPrelude());
            }
            return polyglot;
        }
    }

    /** The cookie jar the realms' {@code fetch} uses, per IdP origin. */
    public CookieJar cookies() {
        return cookies;
    }

    /** Realms alive now. */
    public synchronized int liveRealms() {
        return realms.size();
    }

    /** Asks the IdP for an assertion over {@code contents}, as the authenticating party does. */
    public GeneratedAssertion generateAssertion(
            IdpProxyAddress idp, String contents, String origin, GenerateOptions options) throws IdentityException {
        requireInput("contents", contents);
        requireInput("origin", origin);
        return operate(
                idp,
                (realm, deadline) -> ResultShapes.generated(
                        realm.generateAssertion(contents, origin, options, deadline), config.maxInputChars()));
    }

    /** Asks the IdP to validate an assertion, as the relying party does. */
    public ValidationResult validateAssertion(IdpProxyAddress idp, String assertion, String origin)
            throws IdentityException {
        requireInput("assertion", assertion);
        requireInput("origin", origin);
        return operate(
                idp,
                (realm, deadline) -> ResultShapes.validated(
                        realm.validateAssertion(assertion, origin, deadline), config.maxInputChars()));
    }

    private interface Operation<T> {
        T run(Realm realm, long deadlineNanos) throws IdentityException, Realm.Unsettled;
    }

    private <T> T operate(IdpProxyAddress idp, Operation<T> operation) throws IdentityException {
        Polyglot shared = polyglot();
        long deadline = System.nanoTime() + config.deadline().toNanos();
        acquireSlot(deadline);
        try {
            FetchResult script = loadScript(idp);
            Realm realm = realmFor(shared, idp, script, deadline);
            synchronized (realm) {
                if (realm.isBroken()) {
                    throw new IdentityException(IdentityError.IDP_EXECUTION_FAILURE, "IdP realm was discarded");
                }
                try (Watchdog.Watch watch = watchdog.watch(realm.context(), deadline, config.allocationLimitBytes())) {
                    try {
                        realm.beginOperation();
                        return operation.run(realm, deadline);
                    } catch (PolyglotException e) {
                        discard(idp, realm);
                        throw SandboxErrors.fromPolyglot(SandboxErrors.Phase.CALL, watch.stopped(), config, e);
                    } catch (IllegalStateException e) {
                        // The watchdog closed the context between two calls into it.
                        discard(idp, realm);
                        throw SandboxErrors.stopped(SandboxErrors.Phase.CALL, watch.stopped(), config);
                    } catch (Realm.Unsettled e) {
                        throw new IdentityException(IdentityError.IDP_TIMEOUT, e.getMessage());
                    }
                }
            }
        } finally {
            slots.release();
        }
    }

    private void acquireSlot(long deadline) throws IdentityException {
        try {
            if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IdentityException(IdentityError.IDP_TIMEOUT, "no sandbox slot free before the deadline");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException(IdentityError.IDP_TIMEOUT, "interrupted while waiting for a sandbox slot");
        }
    }

    private FetchResult loadScript(IdpProxyAddress idp) throws IdentityException {
        URI uri = idp.scriptUri(config.allowHttpLoopback());
        try {
            return fetcher.fetch(FetchRequest.get(uri).accept(SCRIPT_TYPES).maxBytes(config.maxScriptBytes()));
        } catch (FetchException e) {
            throw SandboxErrors.fromFetch(idp, e);
        }
    }

    /** The live realm for this IdP and script version, or a new one that has run the script once. */
    private Realm realmFor(Polyglot shared, IdpProxyAddress idp, FetchResult script, long deadline)
            throws IdentityException {
        String hash = sha256(script.body());
        URI finalUri = script.finalUri();
        synchronized (this) {
            Realm existing = realms.get(idp);
            if (existing != null && existing.serves(finalUri, hash)) {
                return existing;
            }
        }
        String origin = RealmHost.originOf(finalUri);
        RealmFetch realmFetch =
                new RealmFetch(origin, fetcher, cookies, config.bearerTokens().get(origin), config.maxFetchBytes());
        Realm realm = new Realm(shared.engine(), shared.limits(), finalUri, hash, realmFetch);
        Source source = Source.newBuilder("js", script.text(), finalUri.toString())
                .cached(true)
                .buildLiteral();
        try (Watchdog.Watch watch = watchdog.watch(realm.context(), deadline, config.allocationLimitBytes())) {
            boolean registered;
            try {
                registered = realm.load(shared.prelude(), source);
            } catch (PolyglotException e) {
                realm.close();
                throw SandboxErrors.fromPolyglot(SandboxErrors.Phase.LOAD, watch.stopped(), config, e);
            } catch (IllegalStateException e) {
                realm.close();
                throw SandboxErrors.stopped(SandboxErrors.Phase.LOAD, watch.stopped(), config);
            }
            if (!registered) {
                realm.close();
                throw new IdentityException(
                        IdentityError.IDP_BAD_SCRIPT_FAILURE,
                        "IdP proxy did not call rtcIdentityProvider.register() during its first run");
            }
        }
        List<Realm> retired = new ArrayList<>();
        synchronized (this) {
            Realm old = realms.put(idp, realm);
            if (old != null) {
                retired.add(old);
            }
            var eldest = realms.values().iterator();
            while (realms.size() > config.maxRealms()) {
                retired.add(eldest.next());
                eldest.remove();
            }
        }
        retired.forEach(IdpSandbox::retire);
        return realm;
    }

    private synchronized void discard(IdpProxyAddress idp, Realm realm) {
        realm.markBroken();
        realms.remove(idp, realm);
        realm.close();
    }

    /** Closes a realm that left the cache, once no operation holds it. */
    private static void retire(Realm realm) {
        realm.markBroken();
        synchronized (realm) {
            realm.close();
        }
    }

    private void requireInput(String what, String value) throws IdentityException {
        if (value == null) {
            throw new IdentityException(IdentityError.IDENTITY_MALFORMED, what + " is missing");
        }
        if (value.length() > config.maxInputChars()) {
            throw new IdentityException(
                    IdentityError.IDENTITY_MALFORMED, what + " longer than " + config.maxInputChars() + " characters");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static Source loadPrelude() {
        try (InputStream in = IdpSandbox.class.getResourceAsStream("realm.js")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("js", text, "callsign-realm.js")
                    .cached(true)
                    .buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException("realm.js is missing from the jar", e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            realms.values().forEach(Realm::close);
            realms.clear();
        }
        watchdog.close();
        synchronized (engineLock) {
            closed = true;
            if (polyglot != null) {
                polyglot.engine().close(true);
            }
        }
    }
}
