package org.callsign.signaling.signal.websocket;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Lets an upgrade of the signaling endpoint through only with the admission the {@link UpgradeFilter} decided, which
 * it hands to the connection as user data. Without one (a path the filter did not see) it refuses with 401.
 */
@Singleton
class AdmissionCheck implements HttpUpgradeCheck {
    /** The connection's admission. */
    static final UserData.TypedKey<Admission> ADMISSION = new UserData.TypedKey<>("callsign.admission");

    private final PendingAdmissions pending;

    AdmissionCheck(PendingAdmissions pending) {
        this.pending = pending;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        Admission admission = pending.take(context.httpRequest());
        if (admission == null) {
            return CheckResult.rejectUpgrade(401);
        }
        context.userData().put(ADMISSION, admission);
        return CheckResult.permitUpgrade();
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return SignalingWebSocket.ID.equals(endpointId);
    }
}
