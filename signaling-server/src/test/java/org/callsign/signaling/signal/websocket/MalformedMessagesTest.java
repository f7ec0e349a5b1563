package org.callsign.signaling.signal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input that is not a message of the protocol: a typed error, naming the member at fault, and the connection stays. */
@QuarkusTest
class MalformedMessagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            not JSON               | {not json                                                    | malformed-json      | | message is not valid JSON (line 1, column 2)
            not an object          | [1, 2]                                                       | malformed-json      | | a message is one JSON object
            nested too deep        | {"type":"ping","v":1,"id":"d","x":[[[[[[[[[[1]]]]]]]]]]}     | malformed-json      | | message nests deeper than 8 levels
            a member twice         | {"type":"ping","v":1,"id":"m-1","id":"m-2"}                  | malformed-json      | | message has a member twice (line 1, column 37)
            no id                  | {"type":"ping","v":1}                                        | invalid-message     | | id is missing
            no version             | {"type":"ping","id":"m-3"}                                   | invalid-message     | m-3 | v is missing
            a version as a string  | {"type":"ping","v":"1","id":"m-4"}                           | invalid-message     | m-4 | v must be an integer
            another version        | {"type":"ping","v":2,"id":"m-5"}                             | unsupported-version | m-5 | protocol version 2 is not supported: this server speaks 1
            no type                | {"v":1,"id":"m-6"}                                           | invalid-message     | m-6 | type is missing
            an unknown type        | {"type":"shout","v":1,"id":"m-7"}                            | unknown-type        | m-7 | unknown message type 'shout': offer, answer, candidate, bye, ping, call, accept, decline, hangup or call-candidate
            an unknown member      | {"type":"ping","v":1,"id":"m-8","extra":true}                | invalid-message     | m-8 | unknown field 'extra'
            no session             | {"type":"answer","v":1,"id":"m-9","sdp":"v=0"}               | invalid-message     | m-9 | session is missing
            a short session        | {"type":"bye","v":1,"id":"m-10","session":"short"}           | invalid-message     | m-10 | session must be 8 to 64 characters of A-Z a-z 0-9 _ -
            a session as a number  | {"type":"bye","v":1,"id":"m-11","session":12345678}          | invalid-message     | m-11 | session must be a string
            no sdp                 | {"type":"offer","v":1,"id":"m-12","to":"x","session":"call-0001"} | invalid-message | m-12 | sdp is missing
            a bad target           | {"type":"offer","v":1,"id":"m-13","to":"a b","session":"call-0001","sdp":"v=0"} | invalid-message | m-13 | to must be a device id
            a candidate of a number | {"type":"candidate","v":1,"id":"m-14","session":"call-0001","candidate":{"candidate":5}} | invalid-message | m-14 | candidate.candidate must be a string
            no candidate           | {"type":"candidate","v":1,"id":"m-15","session":"call-0001"} | invalid-message     | m-15 | candidate is missing
            a bad line index       | {"type":"candidate","v":1,"id":"m-16","session":"call-0001","candidate":{"candidate":"","sdpMLineIndex":-1}} | invalid-message | m-16 | candidate.sdpMLineIndex must be an integer from 0 to 1023
            """)
    void isRefusedWithATypedError(String name, String text, String error, String id, String message) {
        String client = TestClients.registerNew("ws-malformed");
        String laptop = TestClients.device(client, "Laptop", SdpFixtures.CHROMIUM_OFFER.fingerprint());
        try (SignalingClient a = SignalingClient.connect(TestClients.token(client), laptop)) {

            a.sendText(text);
            JsonNode answer = a.next("error");

            assertEquals(error, answer.path("error").asText(), answer.toString());
            assertEquals(message, answer.path("message").asText());
            assertEquals(
                    id,
                    answer.path("id").isMissingNode() ? null : answer.path("id").asText());
            assertEquals(
                    "pong", a.call(SignalingClient.message("ping")).path("type").asText());
        }
    }
}
