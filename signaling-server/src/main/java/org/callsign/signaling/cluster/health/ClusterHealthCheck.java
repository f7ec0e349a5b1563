package org.callsign.signaling.cluster.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: this node is a live member of its cluster, subscribed to its channel and with its last heartbeat
 * written, so that a load balancer sends devices only to nodes that can reach the others. Always up when the cluster
 * is off.
 */
@Readiness
@ApplicationScoped
public class ClusterHealthCheck implements HealthCheck {

    private final ClusterNode node;

    ClusterHealthCheck(ClusterNode node) {
        this.node = node;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("cluster");
        if (!node.enabled()) {
            return response.up().withData("enabled", false).build();
        }
        return response.status(node.member())
                .withData("enabled", true)
                .withData("node", node.id())
                .build();
    }
}
