package org.callsign.wellknown.fetch;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a {@code Content-Type} value that matter here (RFC 9110 §8.3.1): the lower-case
 * {@code type/subtype} essence and the {@code charset} parameter.
 *
 * @param essence lower-case {@code type/subtype}
 * @param charset the {@code charset} parameter as sent, or {@code null}
 */
public record MediaType(String essence, String charset) {

    /** Parses a header value; empty when it is not of the form {@code type/subtype[;params]}. */
    public static Optional<MediaType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split(";");
        String essence = parts[0].trim().toLowerCase(Locale.ROOT);
        int slash = essence.indexOf('/');
        if (slash <= 0
                || slash == essence.length() - 1
                || essence.indexOf('/', slash + 1) >= 0
                || essence.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            return Optional.empty();
        }
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                charset = parameter.substring(eq + 1).trim().replace("\"", "");
            }
        }
        return Optional.of(new MediaType(essence, charset));
    }

    /** The charset to decode text with: the declared one when known to the JDK, else UTF-8. */
    public Charset charsetOrUtf8() {
        if (charset == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    @Override
    public String toString() {
        return charset == null ? essence : essence + "; charset=" + charset;
    }
}
