package org.callsign.signaling.signal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BooleanSupplier;
import org.callsign.signaling.signal.service.OnlineDevices;

/** Waiting, briefly, for the server to notice what a test client did. */
public final class Await {

    private Await() {}

    /** Waits up to {@link SignalingClient#WAIT} for {@code condition}. */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + SignalingClient.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits until the server noticed that the device's connection dropped (its line holds messages now). */
    public static void dropped(OnlineDevices online, String clientId, String deviceId) {
        until(deviceId + " dropped", () -> online.line(clientId, deviceId)
                .map(line -> !line.isConnected())
                .orElse(false));
    }
}
