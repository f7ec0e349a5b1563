package org.callsign.shim.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds the parser truncated, byte-flipped, spliced and junk variants of every fixture, from a fixed seed so that
 * a failure can be replayed: the only allowed outcomes are a parsed description that writes back to itself, or an
 * {@link SdpException}.
 */
class SessionDescriptionFuzzTest {
    private static final int ROUNDS = 400;
    private static final String JUNK = "v=0\r\n\u0000\u001b\u007f\ud800\udc00\ud83d\u00e9:= \tam";

    static List<String> fixtures() {
        return SdpFixtures.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void parsesOrRefusesEveryMutation(String fixture) {
        String original = SdpFixtures.read(fixture);
        Random random = new Random(fixture.hashCode());
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String input = mutate(original, random);
            try {
                check(input);
            } catch (SdpException expected) {
                refused++;
            } catch (RuntimeException e) {
                fail("round " + round + " of " + fixture + " threw " + e + " for input " + escape(input), e);
            }
        }
        assertTrue(refused > ROUNDS / 10 && refused < ROUNDS * 9 / 10, "mutations refused: " + refused);
    }

    private static void check(String input) throws SdpException {
        SessionDescription sdp = SessionDescription.parse(input);
        assertEquals(sdp, SessionDescription.parse(sdp.toString()));
        sdp.identity();
        sdp.withIdentity("e30=").withoutIdentity();
        sdp.fingerprints();
    }

    private static String mutate(String sdp, Random random) {
        byte[] bytes = sdp.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(7)) {
            case 0 -> sdp.substring(0, random.nextInt(sdp.length() + 1));
            case 1 -> {
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                yield new String(bytes, StandardCharsets.UTF_8);
            }
            case 2 -> {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                yield new String(bytes, StandardCharsets.ISO_8859_1);
            }
            case 3 -> {
                int at = random.nextInt(sdp.length() + 1);
                yield sdp.substring(0, at) + JUNK.charAt(random.nextInt(JUNK.length())) + sdp.substring(at);
            }
            case 4 -> {
                int from = random.nextInt(sdp.length());
                int to = from + random.nextInt(sdp.length() - from);
                yield sdp.substring(0, from) + sdp.substring(to);
            }
            case 5 -> {
                StringBuilder junk = new StringBuilder();
                for (int i = random.nextInt(200); i > 0; i--) {
                    junk.append(JUNK.charAt(random.nextInt(JUNK.length())));
                }
                yield junk.toString();
            }
            default -> {
                // cut the first fingerprint line short, for fingerprints() to meet a malformed value
                int at = sdp.toLowerCase(Locale.ROOT).indexOf("a=fingerprint:");
                if (at < 0) {
                    yield sdp;
                }
                int end = sdp.indexOf('\r', at);
                yield sdp.substring(0, at + random.nextInt(end - at)) + sdp.substring(end);
            }
        };
    }

    private static String escape(String input) {
        StringBuilder out = new StringBuilder();
        input.chars()
                .limit(2000)
                .forEach(c ->
                        out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }
}
