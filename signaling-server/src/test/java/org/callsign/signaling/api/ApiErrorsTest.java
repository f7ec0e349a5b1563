package org.callsign.signaling.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiErrorsTest {

    @Test
    void unknownPathIsATypedNotFound() {
        given().when()
                .get("/api/nothing-here")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", equalTo("not-found"))
                .body("message", equalTo("not found"));
    }

    @Test
    void wrongMethodIsATypedMethodNotAllowed() {
        given().when()
                .put("/api/tokens")
                .then()
                .statusCode(405)
                .contentType(ContentType.JSON)
                .body("error", equalTo("method-not-allowed"));
    }

    @Test
    void metricsArePublishedForPrometheus() {
        given().when().get("/api/nothing-here").then().statusCode(404);
        given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
    }
}
