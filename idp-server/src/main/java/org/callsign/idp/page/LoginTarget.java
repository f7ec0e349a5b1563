package org.callsign.idp.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.callsign.idp.consent.service.Origins;

/**
 * Where a login ends, from the login page's query: the relying {@code origin} that gets {@code "WEBRTC-LOGINDONE"}
 * (W3C webrtc-identity §9.4) and the {@code next} path on the IdP. Both optional; both checked.
 *
 * @param origin the serialised relying origin, or {@code null} (the message then goes to {@code "*"})
 * @param next a path on the IdP ({@link NextPath}), or {@code null}
 */
public record LoginTarget(String origin, String next) {

    /** The target of the raw parameters; {@link IllegalArgumentException} with a message for the page if bad. */
    public static LoginTarget parse(String origin, String next) {
        String parsedOrigin = null;
        if (origin != null) {
            parsedOrigin = Origins.tryParse(origin)
                    .orElseThrow(() -> new IllegalArgumentException("origin is not a valid web origin"));
        }
        String parsedNext = null;
        if (next != null) {
            Optional<String> path = NextPath.parse(next);
            parsedNext = path.orElseThrow(() -> new IllegalArgumentException("next must be a path on this site"));
        }
        return new LoginTarget(parsedOrigin, parsedNext);
    }

    /** The login page's path with these parameters. */
    public String loginPagePath(String loginPage) {
        StringBuilder path = new StringBuilder(loginPage);
        char separator = '?';
        if (origin != null) {
            path.append(separator).append("origin=").append(encode(origin));
            separator = '&';
        }
        if (next != null) {
            path.append(separator).append("next=").append(encode(next));
        }
        return path.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
