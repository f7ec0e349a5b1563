package org.callsign.shim.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DtlsFingerprintTest {
    private static final String SHA_256 =
            "91:29:35:69:25:5C:DA:07:20:0E:7F:FC:40:AE:F4:E7:D2:28:22:E6:C6:F8:8D:1C:11:1B:A1:9E:8A:2A:CE:5F";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            sha-256 as browsers write it | sha-256 91:29:35:69:25:5C:DA:07:20:0E:7F:FC:40:AE:F4:E7:D2:28:22:E6:C6:F8:8D:1C:11:1B:A1:9E:8A:2A:CE:5F | sha-256 | 91:29:35:69:25:5C:DA:07:20:0E:7F:FC:40:AE:F4:E7:D2:28:22:E6:C6:F8:8D:1C:11:1B:A1:9E:8A:2A:CE:5F
            upper-case hash name         | SHA-256 91:29:35:69:25:5C:DA:07:20:0E:7F:FC:40:AE:F4:E7:D2:28:22:E6:C6:F8:8D:1C:11:1B:A1:9E:8A:2A:CE:5F | sha-256 | 91:29:35:69:25:5C:DA:07:20:0E:7F:FC:40:AE:F4:E7:D2:28:22:E6:C6:F8:8D:1C:11:1B:A1:9E:8A:2A:CE:5F
            lower-case digest            | sha-256 91:29:35:69:25:5c:da:07:20:0e:7f:fc:40:ae:f4:e7:d2:28:22:e6:c6:f8:8d:1c:11:1b:a1:9e:8a:2a:ce:5f | sha-256 | 91:29:35:69:25:5C:DA:07:20:0E:7F:FC:40:AE:F4:E7:D2:28:22:E6:C6:F8:8D:1C:11:1B:A1:9E:8A:2A:CE:5F
            sha-1, 20 bytes              | sha-1 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33 | sha-1 | 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33
            sha-224, 28 bytes            | Sha-224 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB | sha-224 | 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB
            sha-384, 48 bytes            | sha-384 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF | sha-384 | 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF
            sha-512, 64 bytes            | sha-512 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF | sha-512 | 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF
            """)
    void parsesAndNormalises(String name, String value, String algorithm, String digest) throws Exception {
        DtlsFingerprint fingerprint = DtlsFingerprint.parse(value);
        assertEquals(algorithm, fingerprint.algorithm());
        assertEquals(digest, fingerprint.digest());
        assertEquals(algorithm + " " + digest, fingerprint.toAttributeValue());
    }

    @Test
    void toleratesExtraWhitespaceAroundAndBetweenFields() throws Exception {
        assertEquals(
                DtlsFingerprint.parse("sha-256 " + SHA_256), DtlsFingerprint.parse(" sha-256 \t " + SHA_256 + " "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            md5 is forbidden            | md5 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF | md5 must not be used for a fingerprint (RFC 8122 §5)
            MD2 is forbidden            | MD2 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF | md2 must not be used for a fingerprint (RFC 8122 §5)
            unknown hash function       | sha3-256 00:11                                      | unknown fingerprint hash function "sha3-256"
            hash name only              | sha-256                                             | fingerprint attribute is not <hash-func> <fingerprint>: "sha-256"
            three fields                | sha-256 00:11 22                                    | fingerprint attribute is not <hash-func> <fingerprint>: "sha-256 00:11 22"
            digest one byte short       | sha-256 91:29:35:69:25:5C:DA:07:20:0E:7F:FC:40:AE:F4:E7:D2:28:22:E6:C6:F8:8D:1C:11:1B:A1:9E:8A:2A:CE | sha-256 fingerprint digest has 31 bytes, expected 32
            sha-1 length under sha-256  | sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33 | sha-256 fingerprint digest has 20 bytes, expected 32
            hex without colons          | sha-1 00112233445566778899AABBCCDDEEFF00112233          | fingerprint digest is not hex pairs joined by ':': "00112233445566778899AABBCCDDEEFF00112233"
            odd hex digit               | sha-1 00:1:22                                       | fingerprint digest is not hex pairs joined by ':': "00:1:22"
            trailing colon              | sha-1 00:11:                                        | fingerprint digest is not hex pairs joined by ':': "00:11:"
            dashes                      | sha-1 00-11-22                                      | fingerprint digest is not hex pairs joined by ':': "00-11-22"
            not hex                     | sha-1 GG:11                                         | fingerprint digest is not hex pairs joined by ':': "GG:11"
            ligature that upper-cases to hex | sha-1 ﬀ:11                                | fingerprint digest is not hex pairs joined by ':': "?:11"
            non-breaking space between  | sha-1 00:11                                    | fingerprint attribute is not <hash-func> <fingerprint>: "sha-1?00:11"
            """)
    void refusesMalformedFingerprints(String name, String value, String message) {
        SdpException e = assertThrows(SdpException.class, () -> DtlsFingerprint.parse(value));
        assertEquals(message, e.getMessage());
    }

    @Test
    void refusesAnEmptyValue() {
        SdpException e = assertThrows(SdpException.class, () -> DtlsFingerprint.parse(""));
        assertEquals("fingerprint attribute is not <hash-func> <fingerprint>: \"\"", e.getMessage());
    }

    @Test
    void comparesWithoutRegardToCase() throws Exception {
        assertEquals(DtlsFingerprint.of("SHA-256", SHA_256.toLowerCase()), new DtlsFingerprint("sha-256", SHA_256));
    }

    @Test
    void constructorRefusesWhatParseRefuses() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new DtlsFingerprint("md5", "00:11"));
        assertEquals("md5 must not be used for a fingerprint (RFC 8122 §5)", e.getMessage());
    }
}
