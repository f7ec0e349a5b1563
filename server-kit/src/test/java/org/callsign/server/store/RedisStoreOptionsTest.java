package org.callsign.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedisStoreOptionsTest {

    private static final String SECRET = "s3cret-never-shown";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "redis://127.0.0.1                          | redis://127.0.0.1:6379",
                "redis://127.0.0.1:6380/                    | redis://127.0.0.1:6380",
                "redis://:s3cret-never-shown@cache:6380/2   | redis://cache:6380/2",
                "rediss://alice:s3cret-never-shown@cache    | rediss://alice@cache:6379",
                "redis://[::1]:7000                         | redis://[::1]:7000"
            })
    void endpointLeavesThePasswordOut(String url, String endpoint) {
        RedisStoreOptions options = new RedisStoreOptions(url, "callsign:");
        assertEquals(endpoint, options.endpoint());
        assertFalse(options.toString().contains(SECRET), options.toString());
        assertTrue(options.toString().contains(endpoint), options.toString());
    }

    @Test
    void redissMeansTls() {
        assertTrue(new RedisStoreOptions("rediss://cache", "p:").tls());
        assertFalse(new RedisStoreOptions("redis://cache", "p:").tls());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://:s3cret-never-shown@cache          | the scheme must be redis or rediss",
                "cache:6379                                | the scheme must be redis or rediss",
                "redis://:s3cret-never-shown@              | no host",
                "redis://s3cret-never-shown@cache          | the user info must be user:password or :password",
                "redis://cache?password=s3cret-never-shown | no query or fragment is allowed",
                "redis://cache/db                          | the path must be a database number",
                // java.net.URI's error index differs between JDKs (8 on 17, 15 on 25): only the start is checked
                "redis://:s3cret never shown@cache         | not a URI (at index "
            })
    void refusesAnInvalidUrlWithoutQuotingIt(String url, String reason) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new RedisStoreOptions(url, "callsign:"));
        assertTrue(e.getMessage().startsWith("invalid redis URL: " + reason), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertEquals(null, e.getCause());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space:", "star*:", "new\nline"})
    void refusesAnInvalidKeyPrefix(String prefix) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new RedisStoreOptions("redis://cache", prefix));
        assertEquals("invalid redis key prefix: " + prefix, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S", "PT2M"})
    void refusesATimeoutOutOfRange(String timeout) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new RedisStoreOptions("redis://cache", "p:")
                        .withTimeout(Duration.parse(timeout)));
        assertEquals("redis timeout must be positive and at most PT1M: " + Duration.parse(timeout), e.getMessage());
    }

    @Test
    void aTrustStoreNeedsTlsAndAReadableFile(@TempDir Path temp) throws Exception {
        Path pem = Files.writeString(temp.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        IllegalArgumentException plain = assertThrows(
                IllegalArgumentException.class, () -> new RedisStoreOptions("redis://cache", "p:").withTrustStore(pem));
        assertEquals("a redis trust store needs a rediss:// URL (TLS), not redis://", plain.getMessage());
        Path missing = temp.resolve("missing.pem");
        IllegalArgumentException absent =
                assertThrows(IllegalArgumentException.class, () -> new RedisStoreOptions("rediss://cache", "p:")
                        .withTrustStore(missing));
        assertEquals("redis trust store is not a readable file: " + missing, absent.getMessage());
        assertEquals(
                Optional.of(pem),
                new RedisStoreOptions("rediss://cache", "p:")
                        .withTrustStore(pem)
                        .trustStore());
    }
}
