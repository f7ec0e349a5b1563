package org.callsign.signaling.net;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.signaling.signal.Await;
import org.junit.jupiter.api.Test;

/** The IdP sandbox's engine is built in the background once the server has answered that it is ready. */
@QuarkusTest
class SandboxWarmUpTest {

    @Inject
    IdpSandbox sandbox;

    @Test
    void buildsTheSandboxEngineAfterTheFirstReadyAnswer() {
        given().when().get("/q/health/ready").then().statusCode(200);

        Await.until("the sandbox engine is built", sandbox::prepared);
    }
}
