package org.callsign.signaling.cluster;

import io.restassured.RestAssured;
import org.callsign.signaling.PackagedServer;

/** Runs REST calls (RestAssured's, such as {@link org.callsign.signaling.TestClients}) against one node. */
final class RestOn {
    private RestOn() {}

    static void node(PackagedServer node, Runnable calls) {
        int previous = RestAssured.port;
        RestAssured.port = node.port();
        try {
            calls.run();
        } finally {
            RestAssured.port = previous;
        }
    }
}
