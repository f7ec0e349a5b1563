package org.callsign.signaling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web client's page (docs/web-client.md) and what it loads are served, so a browser meets no 404 opening it. */
@QuarkusTest
class WebClientPagesTest {

    private static final Pattern LOCAL_REFERENCE = Pattern.compile("(?:href|src)=\"([^\":#]+)\"");

    @Test
    void everythingThePageLoadsIsServed() {
        String page =
                given().when().get("/app/").then().statusCode(200).extract().asString();
        List<String> references = new ArrayList<>();
        Matcher matcher = LOCAL_REFERENCE.matcher(page);
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        assertFalse(references.isEmpty(), "the page names its stylesheet and scripts");
        for (String reference : references) {
            given().when().get("/app/" + reference).then().statusCode(200);
        }
    }

    @Test
    void thePageHasAnIconSoBrowsersDoNotAskForFaviconIco() {
        String page =
                given().when().get("/app/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<link rel=\"icon\" href=\"icon.svg\""), "the page links its icon");
        given().when().get("/app/icon.svg").then().statusCode(200).contentType(startsWith("image/svg+xml"));
    }
}
