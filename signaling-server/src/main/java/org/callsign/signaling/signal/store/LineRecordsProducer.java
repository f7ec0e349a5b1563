package org.callsign.signaling.signal.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.signal.service.LineRecords;

/** The {@link LineRecords}: in Redis on a cluster, none on a single server. */
@Singleton
class LineRecordsProducer {

    @Produces
    @Singleton
    LineRecords lineRecords(ClusterNode node, ObjectMapper mapper) {
        return node.enabled() ? new RedisLineRecords(node, mapper) : LineRecords.NONE;
    }
}
