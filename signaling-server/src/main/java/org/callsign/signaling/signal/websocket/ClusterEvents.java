package org.callsign.signaling.signal.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import org.callsign.signaling.client.service.CredentialsRevoked;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.Frame;
import org.callsign.signaling.cluster.service.SerialExecutor;
import org.callsign.signaling.device.service.DeviceChanged;
import org.callsign.signaling.signal.service.DeviceChangeHandler;
import org.callsign.signaling.signal.service.SignalingService;
import org.callsign.signaling.token.service.TokenRevoked;
import org.jboss.logging.Logger;

/**
 * What one node of a cluster must tell the others: a revoked token or client closes connections wherever they are
 * held, and a changed device updates presence on its client's home. The node where the change happened applies it
 * through the CDI event; the others get it as an {@link Frame.Type#EVENT} and apply only its effect on signaling (the
 * store writes were done once, where it happened). Events are applied in the order they arrive.
 */
@Singleton
@Startup
class ClusterEvents {
    private static final Logger LOG = Logger.getLogger(ClusterEvents.class);

    static final String CREDENTIALS_REVOKED = "credentials-revoked";
    static final String TOKEN_REVOKED = "token-revoked";
    static final String DEVICE_CHANGED = "device-changed";

    private final ClusterNode node;
    private final ObjectMapper mapper;
    private final SignalingService signaling;
    private final SignalConnections connections;
    private final DeviceChangeHandler devices;
    private final SerialExecutor tasks;

    ClusterEvents(
            ClusterNode node,
            ObjectMapper mapper,
            SignalingService signaling,
            SignalConnections connections,
            DeviceChangeHandler devices) {
        this.node = node;
        this.mapper = mapper;
        this.signaling = signaling;
        this.connections = connections;
        this.devices = devices;
        this.tasks = node.enabled() ? new SerialExecutor(node.workers()) : null;
        if (node.enabled()) {
            node.handle(Frame.Type.EVENT, frame -> tasks.execute(() -> apply(frame.payload())));
        }
    }

    void onCredentialsRevoked(@Observes CredentialsRevoked revoked) {
        tell(CREDENTIALS_REVOKED, revoked);
    }

    void onTokenRevoked(@Observes TokenRevoked revoked) {
        tell(TOKEN_REVOKED, revoked);
    }

    void onDeviceChanged(@Observes DeviceChanged change) {
        tell(DEVICE_CHANGED, change);
    }

    private void tell(String kind, Object event) {
        if (!node.enabled()) {
            return;
        }
        try {
            node.broadcast(kind + '\n' + mapper.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "could not write a %s event", kind);
        }
    }

    /** Applies an event from another node. */
    private void apply(String payload) {
        int lineBreak = payload.indexOf('\n');
        if (lineBreak < 0) {
            LOG.warn("ignored a cluster event without a kind");
            return;
        }
        String kind = payload.substring(0, lineBreak);
        String json = payload.substring(lineBreak + 1);
        try {
            switch (kind) {
                case CREDENTIALS_REVOKED ->
                    signaling.onCredentialsRevoked(mapper.readValue(json, CredentialsRevoked.class));
                case TOKEN_REVOKED -> connections.onTokenRevoked(mapper.readValue(json, TokenRevoked.class));
                case DEVICE_CHANGED -> devices.onDeviceChanged(mapper.readValue(json, DeviceChanged.class));
                default -> LOG.warnf("ignored a cluster event of unknown kind %s", kind);
            }
        } catch (IOException e) {
            LOG.warnf("ignored an unreadable %s event: %s", kind, e.getMessage());
        }
    }
}
