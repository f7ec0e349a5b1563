package org.callsign.signaling.device.service;

import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.device.store.DeviceStore;

/**
 * A client's devices (peerbook's peers): each has a name, a kind and the fingerprint of its DTLS certificate, unique
 * among the client's devices, and is verified or not. Devices a client registers with its own credentials start
 * verified unless they ask not to be (a device introducing itself, verified later through a link); the client may
 * unverify one (a lost phone) without losing its record, and verify it again. At most
 * {@code devices.max-per-client} per client.
 */
@Singleton
public class DeviceService {

    private final DeviceStore devices;
    private final SignalingConfig config;
    private final Clock clock;
    private final Event<DeviceChanged> changes;
    private final SecureRandom random = new SecureRandom();

    public DeviceService(DeviceStore devices, SignalingConfig config, Clock clock, Event<DeviceChanged> changes) {
        this.devices = devices;
        this.config = config;
        this.clock = clock;
        this.changes = changes;
    }

    /** The client's devices. */
    public List<Device> list(String clientId) {
        return devices.list(clientId);
    }

    /** One of the client's devices, if it has one of that id. */
    public Optional<Device> find(String clientId, String deviceId) {
        return devices.find(clientId, deviceId);
    }

    /** One of the client's devices; {@code not-found} otherwise. */
    public Device get(String clientId, String deviceId) {
        return devices.find(clientId, deviceId).orElseThrow(DeviceService::notFound);
    }

    /** Registers a device, verified or not (a device introducing itself, to be verified by its owner). */
    public Device add(String clientId, DeviceDetails details, boolean verified) {
        Device device = new Device(
                newId(), details.name(), details.kind(), details.fingerprint().hex(), verified, clock.instant());
        devices.update(clientId, current -> {
            int max = config.devices().maxPerClient();
            if (current.size() >= max) {
                throw new ApiException(ApiError.TOO_MANY_DEVICES, "a client has at most " + max + " devices");
            }
            checkFingerprintFree(current, device);
            List<Device> changed = new ArrayList<>(current);
            changed.add(device);
            return changed;
        });
        changes.fire(new DeviceChanged(clientId, null, device));
        return device;
    }

    /** Replaces a device's name, kind and fingerprint. */
    public Device change(String clientId, String deviceId, DeviceDetails details) {
        return replace(
                clientId,
                deviceId,
                device -> device.withDetails(
                        details.name(), details.kind(), details.fingerprint().hex()));
    }

    /** Verifies or unverifies a device. */
    public Device setVerified(String clientId, String deviceId, boolean verified) {
        return replace(clientId, deviceId, device -> device.withVerified(verified));
    }

    /**
     * Verifies a device if it still satisfies {@code unchanged}, checked in the same atomic write (a link's device must
     * not have changed its fingerprint since the link was made); empty if it does not, {@code not-found} if it is gone.
     */
    public Optional<Device> verifyIf(String clientId, String deviceId, Predicate<Device> unchanged) {
        Device after =
                replace(clientId, deviceId, device -> unchanged.test(device) ? device.withVerified(true) : device);
        return unchanged.test(after) ? Optional.of(after) : Optional.empty();
    }

    /** Removes a device; {@code not-found} if the client has none of that id. */
    public void remove(String clientId, String deviceId) {
        Device[] removed = new Device[1];
        devices.update(clientId, current -> {
            List<Device> changed = new ArrayList<>(current);
            removed[0] = changed.remove(indexOf(changed, deviceId));
            return changed;
        });
        changes.fire(new DeviceChanged(clientId, removed[0], null));
    }

    private Device replace(String clientId, String deviceId, UnaryOperator<Device> change) {
        Device[] before = new Device[1];
        List<Device> result = devices.update(clientId, current -> {
            List<Device> changed = new ArrayList<>(current);
            int index = indexOf(changed, deviceId);
            before[0] = changed.get(index);
            Device updated = change.apply(before[0]);
            changed.remove(index);
            checkFingerprintFree(changed, updated);
            changed.add(index, updated);
            return changed;
        });
        Device after = result.get(indexOf(result, deviceId));
        if (!after.equals(before[0])) {
            changes.fire(new DeviceChanged(clientId, before[0], after));
        }
        return after;
    }

    private static int indexOf(List<Device> devices, String deviceId) {
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).id().equals(deviceId)) {
                return i;
            }
        }
        throw notFound();
    }

    private static void checkFingerprintFree(List<Device> others, Device device) {
        if (others.stream().anyMatch(other -> other.fingerprint().equals(device.fingerprint()))) {
            throw new ApiException(
                    ApiError.FINGERPRINT_TAKEN,
                    "another device of this client has fingerprint " + device.fingerprint());
        }
    }

    private static ApiException notFound() {
        return new ApiException(ApiError.NOT_FOUND, "no such device");
    }

    private String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
