package org.callsign.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonProblemsTest {

    /** A request body shape. */
    record Login(String name, int count) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'nope'                       | request body is not valid JSON (line 1, column 5)",
                "'{\"name\": \"secret'        | request body does not match the expected object at 'name' (line 1, column 17)",
                "'{\"name\": \"x\", \"count\": \"many\"}' | request body does not match the expected object at 'count' (line 1, column 24)",
                "'[1]'                        | request body does not match the expected object (line 1, column 1)"
            })
    void namesTheProblemAndPlaceWithoutQuotingTheInput(String body, String message) {
        JsonProcessingException e =
                assertThrows(JsonProcessingException.class, () -> JSON.readValue(body, Login.class));
        assertEquals(message, JsonProblems.describe(e));
    }
}
