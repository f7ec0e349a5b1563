package org.callsign.signaling.signal.websocket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.callsign.signaling.signal.message.ClientMessage;
import org.callsign.signaling.signal.service.OnlineDevices;
import org.callsign.signaling.signal.service.SignalError;

/**
 * Signaling in {@code /q/metrics}: {@code callsign_signaling_connections} (open WebSocket connections),
 * {@code callsign_signaling_devices_online} (devices connected or within their resume window),
 * {@code callsign_signaling_messages_total{type}} (messages handled, by type) and
 * {@code callsign_signaling_refusals_total{error}} (error frames, by code).
 */
@Startup
@Singleton
class SignalingMetrics {
    private final MeterRegistry registry;
    private final Map<Class<?>, Counter> messages = new ConcurrentHashMap<>();
    private final Map<SignalError, Counter> refusals = new EnumMap<>(SignalError.class);

    SignalingMetrics(MeterRegistry registry, SignalConnections connections, OnlineDevices online) {
        this.registry = registry;
        Gauge.builder("callsign.signaling.connections", connections, SignalConnections::size)
                .description("Open signaling WebSocket connections")
                .register(registry);
        Gauge.builder("callsign.signaling.devices.online", online, OnlineDevices::size)
                .description("Devices connected, or reconnecting within their resume window")
                .register(registry);
        for (SignalError error : SignalError.values()) {
            refusals.put(
                    error,
                    Counter.builder("callsign.signaling.refusals")
                            .description("Signaling messages refused, by error code")
                            .tag("error", error.code())
                            .register(registry));
        }
    }

    /** A message was handled. */
    void received(ClientMessage message) {
        messages.computeIfAbsent(message.getClass(), type -> Counter.builder("callsign.signaling.messages")
                        .description("Signaling messages handled, by type")
                        .tag("type", type.getSimpleName().toLowerCase(Locale.ROOT))
                        .register(registry))
                .increment();
    }

    /** A message was refused with {@code error}. */
    void refused(SignalError error) {
        refusals.get(error).increment();
    }
}
