package org.callsign.idp.assertion;

import static io.restassured.RestAssured.given;
import static org.callsign.idp.assertion.AssertionResourceTest.CONTENTS;
import static org.callsign.idp.assertion.AssertionResourceTest.RELYING;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/assertions/validation}: the claims of an assertion this IdP signed, for the proxy script where its
 * realm has no WebCrypto (Firefox's IdP sandbox); anything else is {@code 400 invalid-request}.
 */
@QuarkusTest
class AssertionValidationResourceTest {

    private static final String PATH = "/api/assertions/validation";

    private static String assertion() {
        String token = AssertionResourceTest.consented("validation", Map.of("origin", RELYING));
        return AssertionResourceTest.assertion(token, RELYING);
    }

    private static ValidatableResponse validate(String assertion) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("assertion", assertion))
                .when()
                .post(PATH)
                .then();
    }

    @Test
    void answersTheClaimsOfAnAssertionItSignedWithoutCredentials() {
        validate(assertion())
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("aud", equalTo(RELYING))
                .body("contents", equalTo(CONTENTS))
                .body("$", hasKey("sub"))
                .body("$", hasKey("exp"));
    }

    @Test
    void refusesAnAssertionWhoseSignatureWasAltered() {
        validate(IdpProxyRoundTripTest.altered(assertion()))
                .statusCode(400)
                .body("error", equalTo("invalid-request"))
                .body("$", not(hasKey("sub")));
    }

    @Test
    void refusesWhatIsNoCompactJws() {
        validate("not.a-jws").statusCode(400).body("error", equalTo("invalid-request"));
    }
}
