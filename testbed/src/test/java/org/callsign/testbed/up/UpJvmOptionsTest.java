package org.callsign.testbed.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpJvmOptionsTest {

    @Test
    void eachServiceHasTheSerialCollectorAndItsOwnHeap() {
        assertEquals(
                List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms16m", "-Xmx128m"),
                UpJvmOptions.of("idp-server", Map.of()));
        assertEquals(
                List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms16m", "-Xmx256m"),
                UpJvmOptions.of("signaling-server", Map.of()));
    }

    @Test
    void theEnvironmentsOptionsComeLastSoThatTheyWin() {
        List<String> options =
                UpJvmOptions.of("signaling-server", Map.of(UpJvmOptions.OPTIONS_VARIABLE, "  -Xmx1g \t-XX:+UseG1GC "));
        assertEquals(List.of("-Xmx1g", "-XX:+UseG1GC"), options.subList(options.size() - 2, options.size()));
    }

    @Test
    void theCacheIsOnUnlessTurnedOff() {
        assertTrue(UpJvmOptions.cacheEnabled(Map.of()));
        assertTrue(UpJvmOptions.cacheEnabled(Map.of(UpJvmOptions.CACHE_VARIABLE, "on")));
        assertFalse(UpJvmOptions.cacheEnabled(Map.of(UpJvmOptions.CACHE_VARIABLE, "off")));
        assertFalse(UpJvmOptions.cacheEnabled(Map.of(UpJvmOptions.CACHE_VARIABLE, "OFF")));
    }
}
