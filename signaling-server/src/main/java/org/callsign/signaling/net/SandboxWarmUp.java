package org.callsign.signaling.net;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callsign.server.ready.ReadyFile;
import org.callsign.shim.sandbox.IdpSandbox;
import org.jboss.logging.Logger;

/**
 * Builds the IdP sandbox's engine in the background once the server has first answered its readiness check with 200,
 * or has written its ready file (which it does once the same checks are up, {@code ReadyFileService}), so that neither
 * the start nor the first call waits for it. Building it loads several hundred classes: done during the
 * start, it cost about 0.4 s of CPU before the server was ready, on two cores shared with the IdP; left to the first
 * call, it adds that (more when the class-data cache does not hold the classes) to the first verification. Started
 * by readiness rather than after a fixed time, it never competes with a slow start. Without a readiness check, or
 * when a call comes first, the first call builds it ({@link IdpSandbox#prepare}).
 */
@ApplicationScoped
public class SandboxWarmUp {
    /** The end of the readiness check's path, under whatever non-application root is configured. */
    static final String READY_PATH_SUFFIX = "/health/ready";

    private static final Logger LOG = Logger.getLogger(SandboxWarmUp.class);

    private final AtomicBoolean started = new AtomicBoolean();

    void register(@Observes Filters filters, IdpSandbox sandbox) {
        filters.register(context -> afterReady(context, sandbox), 0);
    }

    void afterReadyFile(@Observes ReadyFile written, IdpSandbox sandbox) {
        start(sandbox);
    }

    private void afterReady(RoutingContext context, IdpSandbox sandbox) {
        if (!started.get() && context.normalizedPath().endsWith(READY_PATH_SUFFIX)) {
            context.addEndHandler(sent -> {
                if (context.response().getStatusCode() == 200) {
                    start(sandbox);
                }
            });
        }
        context.next();
    }

    private void start(IdpSandbox sandbox) {
        if (started.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> warmUp(sandbox), "idp-sandbox-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void warmUp(IdpSandbox sandbox) {
        try {
            sandbox.prepare();
        } catch (IllegalStateException e) {
            LOG.debugf("IdP sandbox not built ahead of the first call: %s", e.getMessage());
        }
    }
}
