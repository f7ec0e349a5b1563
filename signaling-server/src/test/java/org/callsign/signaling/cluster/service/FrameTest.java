package org.callsign.signaling.cluster.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameTest {

    @Test
    void roundTripsAPayloadWithLineBreaks() {
        Frame frame = new Frame(Frame.Type.TEXT, "node-a", "node-b.c1", 42, "{\"type\":\n\"ping\"}\n\n");
        assertEquals(Optional.of(frame), Frame.parse(frame.encode()));
    }

    @Test
    void roundTripsAnEventWithoutLink() {
        Frame frame = new Frame(Frame.Type.EVENT, "node-a", "", 0, "token-revoked\n{\"key\":\"k\"}");
        assertEquals(Optional.of(frame), Frame.parse(frame.encode()));
    }

    @ParameterizedTest(name = "not a frame: {0}")
    @ValueSource(
            strings = {
                "",
                "TEXT",
                "TEXT\nnode\nlink\n1",
                "SHOUT\nnode\nlink\n1\npayload",
                "TEXT\nnode\nlink\none\npayload",
                "text\nnode\nlink\n1\npayload"
            })
    void refusesWhatIsNotAFrame(String text) {
        assertTrue(Frame.parse(text).isEmpty());
    }

    @Test
    void refusesIdsWithLineBreaks() {
        assertThrows(IllegalArgumentException.class, () -> new Frame(Frame.Type.TEXT, "a\nb", "l", 1, ""));
        assertThrows(IllegalArgumentException.class, () -> new Frame(Frame.Type.TEXT, "a", "l\n", 1, ""));
    }
}
