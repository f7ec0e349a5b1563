package org.callsign.benchmarks.calls;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.callsign.shim.identity.VerifiedIdentity;

/**
 * The callee's device behaviour: every {@code incoming-call} is answered at once, as a device does after its user
 * taps "accept" — it verifies the caller's {@code a=identity} for its own server's origin (the assertion was made for
 * that server, docs/federation.md), asserts its own answer for the caller's server (the {@code server} of the
 * {@code incoming-call}), and sends {@code accept}. The work runs on a thread of its own, off the WebSocket client's.
 * What each call took is kept per call id ({@link #answered}); so is its end ({@link #ended}).
 */
final class AutoAnswer implements Device.Handler, AutoCloseable {

    /**
     * The callee's side of one call, in {@link System#nanoTime()}.
     *
     * @param incoming when {@code incoming-call} arrived
     * @param verified when the caller's identity was verified
     * @param accepted when {@code accept}, with the asserted answer, had been written
     */
    record Answered(long incoming, long verified, long accepted) {}

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "auto-answer");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<Answered>> answered = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> ended = new ConcurrentHashMap<>();
    private final String expectedCaller;
    private Device device;

    /** @param expectedCaller the identity every call must come from, verified */
    AutoAnswer(String expectedCaller) {
        this.expectedCaller = expectedCaller;
    }

    /** The device this answers on; set once it is connected. */
    void attach(Device device) {
        this.device = device;
    }

    CompletableFuture<Answered> answered(String call) {
        return answered.computeIfAbsent(call, id -> new CompletableFuture<>());
    }

    CompletableFuture<Void> ended(String call) {
        return ended.computeIfAbsent(call, id -> new CompletableFuture<>());
    }

    @Override
    public void received(JsonNode message, long nanos) {
        String type = message.path("type").asText();
        String call = message.path("call").asText();
        switch (type) {
            case "incoming-call" -> worker.execute(() -> answer(message, nanos));
            case "call-update" -> {
                String state = message.path("state").asText();
                if (state.equals("ended") || state.equals("cancelled") || state.equals("missed")) {
                    ended(call).complete(null);
                }
            }
            case "error" -> {
                IllegalStateException error = new IllegalStateException("the callee's server refused: " + message);
                answered.values().forEach(f -> f.completeExceptionally(error));
            }
            default -> {
                // acks, peer lists
            }
        }
    }

    private void answer(JsonNode ring, long incoming) {
        String call = ring.path("call").asText();
        try {
            if (!ring.path("verified").asBoolean()
                    || !expectedCaller.equals(ring.path("from").asText())) {
                throw new IllegalStateException("the server did not verify the caller: " + ring);
            }
            String own = device.person().domain().signalingOrigin();
            VerifiedIdentity caller = device.verify(ring.path("sdp").asText(), own);
            if (!caller.name().equals(expectedCaller)) {
                throw new IllegalStateException("the caller verified as " + caller.name());
            }
            long verified = System.nanoTime();
            String answer = device.asserted(ring.path("server").asText());
            device.send(Device.message("accept").put("call", call).put("sdp", answer));
            answered(call).complete(new Answered(incoming, verified, System.nanoTime()));
        } catch (Exception e) {
            answered(call).completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
