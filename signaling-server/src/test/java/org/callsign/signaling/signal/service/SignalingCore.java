package org.callsign.signaling.signal.service;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.device.service.DeviceChanged;
import org.callsign.signaling.device.service.DeviceService;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.message.Welcome;
import org.callsign.wellknown.testing.MutableClock;

/**
 * The signaling core wired by hand, without CDI: devices in memory, a clock that tests move, the device events
 * delivered at once. Devices connect over {@link RecordingOutbox}es.
 */
final class SignalingCore {
    static final Duration RESUME_WINDOW = Duration.ofSeconds(30);

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final SignalingConfig config = config(Map.of());
    final DirectEvent<DeviceChanged> deviceEvents = new DirectEvent<>();
    final MemoryDeviceStore store = new MemoryDeviceStore();
    final DeviceService devices = new DeviceService(store, config, clock, deviceEvents);
    final OnlineDevices online;
    final SignalSessions sessions;
    final Relay relay;
    final PresenceService presence;
    final SignalingService service;
    final DeviceChangeHandler changes;
    final ClientTakeover takeover;
    private int devicesAdded;

    SignalingCore() {
        this(LineRecords.NONE);
    }

    /** A core whose home writes to {@code records} and takes clients over from them. */
    SignalingCore(LineRecords records) {
        online = new OnlineDevices(clock, records);
        sessions = new SignalSessions(clock, records);
        relay = new Relay(online, sessions, devices);
        presence = new PresenceService(online, devices);
        takeover = new ClientTakeover(records, online, sessions, devices, config);
        service = new SignalingService(
                online,
                relay,
                presence,
                devices,
                config,
                (from, message) -> {
                    throw new SignalingException(SignalError.FEDERATION_OFF, "no calls in this core");
                },
                takeover);
        changes = new DeviceChangeHandler(online, relay, presence, service);
        deviceEvents.observe(changes::onDeviceChanged);
    }

    /** The signaling configuration with its defaults, and {@code overrides} (keys without the prefix). */
    static SignalingConfig config(Map<String, String> overrides) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withMapping(SignalingConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter());
        overrides.forEach((key, value) -> builder.withDefaultValue("callsign.signaling." + key, value));
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(SignalingConfig.class);
    }

    /**
     * Registers a verified device of {@code clientId} with the fingerprint of {@code sdp}, as the device API does (and
     * with its event).
     */
    Device device(String clientId, String name, SdpFixtures sdp) {
        Device device =
                new Device("device-" + (++devicesAdded), name, "browser", sdp.fingerprint(), true, clock.instant());
        store.update(clientId, current -> {
            List<Device> changed = new ArrayList<>(current);
            changed.add(device);
            return changed;
        });
        deviceEvents.fire(new DeviceChanged(clientId, null, device));
        return device;
    }

    /** Connects a device afresh. */
    Line connect(Device device, String clientId, RecordingOutbox outbox) {
        return service.connect(clientId, device.id(), outbox, null, limits());
    }

    /** Connects a device with a resume token. */
    Line resume(Device device, String clientId, RecordingOutbox outbox, String resumeToken) {
        return service.connect(clientId, device.id(), outbox, resumeToken, limits());
    }

    static Welcome.Limits limits() {
        return new Welcome.Limits(65536, 20);
    }
}
