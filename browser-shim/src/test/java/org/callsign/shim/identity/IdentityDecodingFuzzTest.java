package org.callsign.shim.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.function.Function;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.junit.jupiter.api.Test;

/**
 * Decodes byte-flipped and truncated variants of Firefox's {@code a=identity} and of its {@code contents}, from a
 * fixed seed: the only allowed outcomes are a decoded value or {@link IdentityError#IDENTITY_MALFORMED}.
 */
class IdentityDecodingFuzzTest {
    private static final int ROUNDS = 2000;

    @Test
    void attributeDecodesOrIsRefused() throws Exception {
        String value = IdentityAttributeTest.firefoxIdentity();
        byte[] json = Base64.getDecoder().decode(value);
        run(
                "a=identity",
                random -> random.nextBoolean()
                        ? mutate(value, random)
                        : Base64.getEncoder().encodeToString(mutate(json, random)),
                IdentityAttribute::decode);
    }

    @Test
    void contentsParseOrAreRefused() throws Exception {
        String contents = "{\"fingerprint\":[{\"algorithm\":\"sha-256\",\"digest\":"
                + "\"58:80:AE:F5:12:D8:F9:E7:E5:F7:6E:2A:C0:7A:82:79:AF:EE:6C:19:3D:D4:5D:C5:C7:B2:91:20:DE:0C:0B:76\"}]}";
        run("contents", random -> mutate(contents, random), FingerprintContents::parse);
    }

    private interface Decoder {
        Object decode(String input) throws IdentityException;
    }

    private static void run(String what, Function<Random, String> inputs, Decoder decoder) {
        Random random = new Random(what.hashCode());
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String input = inputs.apply(random);
            try {
                decoder.decode(input);
            } catch (IdentityException e) {
                assertEquals(IdentityError.IDENTITY_MALFORMED, e.error());
                refused++;
            } catch (RuntimeException e) {
                fail("round " + round + " of " + what + " threw " + e, e);
            }
        }
        assertTrue(refused > ROUNDS / 2 && refused < ROUNDS, what + " mutations refused: " + refused);
    }

    private static String mutate(String text, Random random) {
        return new String(mutate(text.getBytes(StandardCharsets.UTF_8), random), StandardCharsets.ISO_8859_1);
    }

    private static byte[] mutate(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        if (random.nextInt(4) == 0) {
            byte[] cut = new byte[random.nextInt(copy.length)];
            System.arraycopy(copy, 0, cut, 0, cut.length);
            return cut;
        }
        for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }
}
