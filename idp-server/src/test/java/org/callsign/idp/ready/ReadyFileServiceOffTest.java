package org.callsign.idp.ready;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.callsign.server.ready.ReadyFile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Without {@code callsign.ready-file} (the default), the IdP writes no ready file. */
@QuarkusTest
class ReadyFileServiceOffTest {

    @Inject
    ReadyFileService service;

    @Test
    void writesNothingWithoutTheKey() {
        given().when().get("/q/health/ready").then().statusCode(200);

        assertEquals(Optional.empty(), ConfigProvider.getConfig().getOptionalValue(ReadyFile.PROPERTY, String.class));
        assertEquals(Optional.empty(), service.written());
    }
}
