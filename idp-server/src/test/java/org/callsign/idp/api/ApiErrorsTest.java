package org.callsign.idp.api;

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
                .body("error", equalTo("not-found"));
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
    void openApiDocumentsTheEndpoints() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/accounts"))
                .body(containsString("/api/account/password"))
                .body(containsString("/api/session"))
                .body(containsString("/api/tokens"))
                .body(containsString("/api/consents/any-origin"));
    }
}
