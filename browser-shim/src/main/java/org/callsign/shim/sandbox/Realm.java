package org.callsign.shim.sandbox;

import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.locks.LockSupport;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * One IdP proxy realm (W3C webrtc-identity §5): a GraalJS context under {@link SandboxPolicy#CONSTRAINED}
 * holding the prelude's globals and the IdP's script, for one origin. Used by one thread at a time; the
 * caller drives its small event loop (promise jobs run after every call into the context, timers run here).
 */
final class Realm implements AutoCloseable {
    private final URI scriptUri;
    private final String scriptHash;
    private final Context context;
    private final RealmHost host;
    private final RealmFetch fetch;
    private Value control;
    private boolean broken;

    /** What a call settled with: the resolved value, or the rejection described as JSON by the prelude. */
    record Outcome(Value value, String rejection) {}

    /** The call did not settle: no timers are left to settle it, or the deadline comes first. */
    static final class Unsettled extends Exception {
        private static final long serialVersionUID = 1L;

        Unsettled(String message) {
            super(message, null, false, false);
        }
    }

    Realm(Engine engine, ResourceLimits limits, URI scriptUri, String scriptHash, RealmFetch fetch) {
        this.scriptUri = scriptUri;
        this.scriptHash = scriptHash;
        this.fetch = fetch;
        this.host = new RealmHost(scriptUri, fetch);
        this.context = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .resourceLimits(limits)
                .option("js.text-encoding", "true")
                .option("js.console", "false")
                .option("js.print", "false")
                .option("js.load", "false")
                .option("js.graal-builtin", "false")
                .build();
    }

    Context context() {
        return context;
    }

    boolean serves(URI uri, String hash) {
        return !broken && scriptUri.equals(uri) && scriptHash.equals(hash);
    }

    void markBroken() {
        broken = true;
    }

    boolean isBroken() {
        return broken;
    }

    /** Evaluates the prelude and the IdP's script (its first run); true when it registered an IdP. */
    boolean load(Source prelude, Source script) {
        context.getBindings("js").putMember("__callsignHost", host.proxy());
        control = context.eval(prelude);
        context.eval(script);
        return control.invokeMember("finishFirstRun").asBoolean();
    }

    /** Prepares for an operation: fresh statement, fetch and log budgets. */
    void beginOperation() {
        context.resetLimits();
        fetch.resetBudget();
        host.resetLogBudget();
    }

    Outcome generateAssertion(String contents, String origin, GenerateOptions options, long deadlineNanos)
            throws Unsettled {
        Value jsOptions =
                control.invokeMember("options", options.protocol(), options.usernameHint(), options.peerIdentity());
        return run(
                deadlineNanos,
                (onResult, onError) ->
                        control.invokeMember("generateAssertion", contents, origin, jsOptions, onResult, onError));
    }

    Outcome validateAssertion(String assertion, String origin, long deadlineNanos) throws Unsettled {
        return run(
                deadlineNanos,
                (onResult, onError) -> control.invokeMember("validateAssertion", assertion, origin, onResult, onError));
    }

    private interface Invocation {
        void start(ProxyExecutable onResult, ProxyExecutable onError);
    }

    private Outcome run(long deadlineNanos, Invocation invocation) throws Unsettled {
        Outcome[] outcome = new Outcome[1];
        invocation.start(
                args -> {
                    outcome[0] = new Outcome(args[0], null);
                    return null;
                },
                args -> {
                    outcome[0] = new Outcome(null, args[0].asString());
                    return null;
                });
        while (outcome[0] == null) {
            RealmHost.Timer timer = host.nextTimer();
            if (timer == null) {
                throw new Unsettled("the IdP's promise never settled");
            }
            if (timer.dueNanos() - deadlineNanos >= 0) {
                throw new Unsettled("the IdP's promise did not settle before the deadline");
            }
            while (System.nanoTime() - timer.dueNanos() < 0) {
                LockSupport.parkNanos(timer.dueNanos() - System.nanoTime());
            }
            host.removeTimer(timer);
            try {
                control.invokeMember("runTimer", timer.id());
            } catch (PolyglotException e) {
                if (e.isCancelled() || e.isResourceExhausted() || e.isInternalError()) {
                    throw e;
                }
                // An uncaught error in a timer callback is reported, as in a browser, and the loop goes on.
            }
        }
        return outcome[0];
    }

    @Override
    public void close() {
        try {
            context.close(true);
        } catch (RuntimeException e) {
            // Already cancelled by the watchdog.
        }
    }
}
