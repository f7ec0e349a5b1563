package org.callsign.signaling.signal.websocket;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.signal.service.OnlineDevices;
import org.callsign.signaling.signal.service.SignalingService;

/**
 * Every second: takes offline the devices whose resume window passed, closes connections silent for two heartbeats,
 * and forgets admissions whose upgrade never came; every minute, drops the message buckets that refilled; every ten
 * minutes, keeps the records of the lines here from expiring (on a cluster).
 */
@Singleton
class SignalingJob {
    private static final int PRUNE_EVERY = 60;
    private static final int KEEP_RECORDS_EVERY = 600;

    private final SignalingService signaling;
    private final SignalConnections connections;
    private final PendingAdmissions pending;
    private final MessageLimits limits;
    private final OnlineDevices online;
    private final long maxSilenceNanos;
    private int ticks;

    SignalingJob(
            SignalingService signaling,
            SignalConnections connections,
            PendingAdmissions pending,
            MessageLimits limits,
            OnlineDevices online,
            SignalingConfig config) {
        this.online = online;
        this.signaling = signaling;
        this.connections = connections;
        this.pending = pending;
        this.limits = limits;
        this.maxSilenceNanos = config.websocket().heartbeat().multipliedBy(2).toNanos();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        signaling.expire();
        connections.closeSilent(maxSilenceNanos);
        pending.purge();
        if (++ticks % PRUNE_EVERY == 0) {
            limits.prune();
        }
        if (ticks % KEEP_RECORDS_EVERY == 0) {
            online.keepRecords();
        }
    }
}
