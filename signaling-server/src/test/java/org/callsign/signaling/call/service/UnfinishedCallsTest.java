package org.callsign.signaling.call.service;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.call.store.CallRecord;
import org.callsign.signaling.call.store.CallState;
import org.callsign.signaling.call.store.CallStore;
import org.junit.jupiter.api.Test;

/**
 * A single server ends, when it starts, the calls its history shows under way: the process that held them is gone.
 */
@QuarkusTest
class UnfinishedCallsTest {

    @Inject
    CallService calls;

    @Inject
    CallStore history;

    @Test
    void callsUnderWayWhenTheServerStoppedAreEndedAtTheNextStart() {
        String client = TestClients.registerNew("restarted");
        Instant placed = Instant.parse("2026-11-30T10:00:00Z");
        history.save(
                client,
                new CallRecord(
                                "dW5maW5pc2hlZDAwMDE",
                                CallRecord.INCOMING,
                                "alice@idp-a.test",
                                true,
                                "https://sig-a.test",
                                CallState.RINGING,
                                null,
                                placed,
                                placed,
                                null,
                                null,
                                null)
                        .moved(CallState.ACCEPTED, null, placed.plusSeconds(5)));

        calls.endCallsOfThePreviousRun(null); // as at startup

        TestClients.as(client)
                .get("/api/calls")
                .then()
                .statusCode(200)
                .body("calls[0].call", equalTo("dW5maW5pc2hlZDAwMDE"))
                .body("calls[0].state", equalTo("ended"))
                .body("calls[0].reason", equalTo(CallService.SERVER_RESTARTED));
    }
}
