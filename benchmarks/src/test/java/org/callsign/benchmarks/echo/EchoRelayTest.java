package org.callsign.benchmarks.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.callsign.benchmarks.ChildProcesses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EchoRelayTest {

    @Test
    void forwardsAMessageUnchangedToTheDeviceItNames() throws Exception {
        try (EchoRelay relay = EchoRelay.start(ChildProcesses.freePort())) {
            HttpClient http = HttpClient.newHttpClient();
            Inbox alice = new Inbox();
            Inbox per = new Inbox();
            WebSocket aliceSocket = connect(http, relay, "alice", alice);
            connect(http, relay, "per", per);
            assertEquals("{\"type\":\"welcome\"}", alice.next());
            assertEquals("{\"type\":\"welcome\"}", per.next());

            String offer =
                    "{\"type\":\"offer\",\"v\":1,\"id\":\"m1\",\"to\":\"per\",\"session\":\"s1\",\"sdp\":\"v=0\\r\\n\"}";
            aliceSocket.sendText("{\"to\":\"nobody\",\"type\":\"bye\"}", true).join();
            aliceSocket.sendText(offer, true).join();

            assertEquals(offer, per.next());
            assertNull(alice.messages.poll(200, TimeUnit.MILLISECONDS), "the sender gets nothing back");
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "{\"to\":\"d1\"}|d1",
                "{\"type\":\"candidate\",\"candidate\":{\"to\":\"inner\"},\"to\":\"d2\"}|d2",
                "{\"type\":\"bye\"}|none",
                "{\"to\":7}|none",
                "[\"to\",\"d1\"]|none",
                "not json|none"
            })
    void findsTheTopLevelDestinationOnly(String message, String destination) {
        assertEquals(destination, EchoRelay.destination(message));
    }

    private static WebSocket connect(HttpClient http, EchoRelay relay, String id, Inbox inbox) {
        return http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + relay.port() + "/relay?id=" + id), inbox)
                .join();
    }

    /** Whole text messages as they arrive. */
    private static final class Inbox implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String message = messages.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                throw new AssertionError("no message within 10 s");
            }
            return message;
        }
    }
}
