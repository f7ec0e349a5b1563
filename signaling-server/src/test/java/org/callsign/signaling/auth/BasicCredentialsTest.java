package org.callsign.signaling.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.auth.service.BasicCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BasicCredentialsTest {

    @Test
    void splitsAtTheFirstColonSoKeysMayContainColons() {
        String encoded = Base64.getEncoder().encodeToString("alice:key:with:colons".getBytes(StandardCharsets.UTF_8));
        assertEquals(new BasicCredentials("alice", "key:with:colons"), BasicCredentials.decode(encoded));
    }

    @Test
    void neverPrintsTheKey() {
        assertEquals("BasicCredentials[alice]", new BasicCredentials("alice", "secret").toString());
    }

    @ParameterizedTest(name = "{0} → loopback {1}")
    @CsvSource({
        "127.0.0.1, true",
        "127.8.9.10, true",
        "::1, true",
        "0:0:0:0:0:0:0:1, true",
        "192.168.1.2, false",
        "2001:db8::1, false",
        "unknown, false",
        "localhost, false"
    })
    void loopbackIsDecidedFromLiteralAddressesOnly(String ip, boolean loopback) {
        assertEquals(loopback, new ClientAddress(ip).isLoopback());
    }
}
