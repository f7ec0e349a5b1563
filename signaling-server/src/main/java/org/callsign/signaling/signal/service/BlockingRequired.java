package org.callsign.signaling.signal.service;

import io.vertx.core.Context;

/**
 * Thrown on an event loop thread where handling a message would need a blocking call, such as a store read, before
 * anything was changed: the caller hands the same message to a worker thread, which handles it from the start. Never
 * reaches a device.
 */
public final class BlockingRequired extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final BlockingRequired INSTANCE = new BlockingRequired();

    private BlockingRequired() {
        super("a blocking call is needed: handle the message on a worker thread", null, false, false);
    }

    /** Throws unless the calling thread may block (it is not an event loop thread). */
    static void unlessThreadMayBlock() {
        if (Context.isOnEventLoopThread()) {
            throw INSTANCE;
        }
    }
}
