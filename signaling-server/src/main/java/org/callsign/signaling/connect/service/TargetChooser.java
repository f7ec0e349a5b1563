package org.callsign.signaling.connect.service;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.device.service.DeviceService;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * Which device answers a one-shot HTTP offer. webexec has no target (it is the answerer); here the caller may name a
 * device, and otherwise the one verified device that is online among the clients it may reach answers. Whether a
 * named device is verified and online the relay checks, with its usual codes. On a cluster, a client's devices are
 * online on its home node ({@link ReachableDevices}).
 */
@Singleton
public class TargetChooser {

    private final DeviceService devices;
    private final ReachableDevices online;

    public TargetChooser(DeviceService devices, ReachableDevices online) {
        this.devices = devices;
        this.online = online;
    }

    /**
     * The target of {@code caller}'s offer.
     *
     * @param requested the device id the caller named, or {@code null}
     * @throws SignalingException {@code unknown-target} for a device the caller cannot reach, {@code target-offline}
     *     when no device was named and none can answer
     * @throws ApiException {@code target-ambiguous} when no device was named and several could answer
     */
    public HttpTarget choose(HttpCaller caller, String requested) {
        if (requested != null) {
            for (String clientId : caller.clientIds()) {
                if (devices.find(clientId, requested).isPresent()) {
                    return new HttpTarget(clientId, requested);
                }
            }
            throw new SignalingException(SignalError.UNKNOWN_TARGET, "no such device");
        }
        List<HttpTarget> ready = new ArrayList<>();
        for (String clientId : caller.clientIds()) {
            Set<String> reachable = online.online(clientId);
            for (Device device : devices.list(clientId)) {
                if (device.verified() && reachable.contains(device.id())) {
                    ready.add(new HttpTarget(clientId, device.id()));
                }
            }
        }
        if (ready.isEmpty()) {
            throw new SignalingException(SignalError.TARGET_OFFLINE, "no verified device is online to answer");
        }
        if (ready.size() > 1) {
            throw new ApiException(
                    HttpSignalingError.TARGET_AMBIGUOUS,
                    ready.size() + " verified devices are online (" + String.join(", ", ids(ready))
                            + "): name one as the target");
        }
        return ready.get(0);
    }

    private static List<String> ids(List<HttpTarget> targets) {
        return targets.stream().map(HttpTarget::deviceId).limit(8).toList();
    }
}
