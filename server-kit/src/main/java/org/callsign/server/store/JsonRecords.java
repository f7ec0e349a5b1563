package org.callsign.server.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * Encodes records as the JSON values of a {@link KeyValueStore}: instants as ISO-8601 strings, unknown members
 * ignored so that a newer record stays readable by an older server. Failures name the namespace and key, never the value.
 */
public final class JsonRecords {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonRecords() {}

    /** The JSON bytes of {@code value}. */
    public static byte[] encode(String namespace, String key, Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new StoreException("cannot encode " + namespace + " record " + key);
        }
    }

    /** The record of {@code type} in {@code bytes}. */
    public static <T> T decode(String namespace, String key, byte[] bytes, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            // The cause may quote the record (a password hash): name the exception type only.
            throw new StoreException(namespace + " record " + key + " is unreadable ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
