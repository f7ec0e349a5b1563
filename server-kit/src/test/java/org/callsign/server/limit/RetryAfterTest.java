package org.callsign.server.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

    @ParameterizedTest(name = "{0} → {1} s")
    @CsvSource({"PT0S, 1", "PT0.001S, 1", "PT1S, 1", "PT1.000000001S, 2", "PT30S, 30", "PT29.5S, 30"})
    void roundsUpToWholeSecondsOfAtLeastOne(Duration wait, long seconds) {
        assertEquals(seconds, RetryAfter.seconds(wait));
    }
}
