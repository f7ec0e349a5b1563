package org.callsign.testbed.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpOptionsTest {

    @Test
    void defaultsAreLoopbackCallsignLocalhostAndTheDataDirectoryHere() throws UsageException {
        UpOptions options = UpOptions.parse();
        assertEquals(Path.of("data"), options.dataDir());
        assertEquals("https://idp.callsign.localhost:8443", options.idpOrigin());
        assertEquals("https://sig.callsign.localhost:8444", options.signalingOrigin());
        assertEquals("https://127.0.0.1:8443", options.byAddress(8443));
    }

    @Test
    void takesFlagsWithSpaceOrEquals() throws UsageException {
        UpOptions options = UpOptions.parse("--data", "/srv/cs", "--domain=Example.Test", "--idp-port", "9001");
        assertEquals(Path.of("/srv/cs"), options.dataDir());
        assertEquals("idp.example.test", options.idpHost());
        assertEquals(9001, options.idpPort());
    }

    @Test
    void wildcardHostIsReachedOnLoopback() throws UsageException {
        assertEquals("127.0.0.1", UpOptions.parse("--host", "0.0.0.0").connectHost());
    }

    @Test
    void helpWinsOverWhatFollows() throws UsageException {
        assertTrue(UpOptions.parse("--help", "--bogus").help());
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--bogus|unknown flag: --bogus",
                "stray|unexpected argument: stray",
                "--data|--data needs a value",
                "--idp-port 0|--idp-port: not a port (1 to 65535): 0",
                "--signaling-port 70000|--signaling-port: not a port (1 to 65535): 70000",
                "--domain bad_name|--domain: not a domain name: bad_name",
                "--host localhost|--host: not an IP address: localhost",
                "--idp-port 9000 --signaling-port 9000|--idp-port and --signaling-port are both 9000"
            })
    void refusesBadCommandLines(String args, String message) {
        UsageException e = assertThrows(UsageException.class, () -> UpOptions.parse(args.split(" ")));
        assertEquals(message, e.getMessage());
    }
}
