package org.callsign.testbed.up;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.RepeatedTest;

class ServerProcessTest {

    @RepeatedTest(20)
    void freePortIsBelowTheEphemeralRangeAndBindable() throws Exception {
        int port = ServerProcess.freePort();
        assertTrue(
                port >= ServerProcess.PORT_FLOOR && port < ServerProcess.EPHEMERAL_FLOOR,
                port + " is outside the range drawn for children");
        try (ServerSocket socket = new ServerSocket()) {
            assertDoesNotThrow(() -> socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1));
        }
    }
}
