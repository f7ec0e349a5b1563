package org.callsign.signaling.signal.websocket;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** WebSocket upgrade requests sent as plain HTTP, to read the server's refusals: status, headers and JSON body. */
final class Upgrades {

    private Upgrades() {}

    /** An upgrade request of {@code /ws} with the handshake headers of RFC 6455 §4.1. */
    static RequestSpecification upgrade() {
        return given().header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
    }

    /** Sends {@code request} to {@code /ws?device=…}. */
    static ValidatableResponse send(RequestSpecification request, String deviceId) {
        if (deviceId != null) {
            request.queryParam("device", deviceId);
        }
        return request.when().get("/ws").then();
    }
}
