package org.callsign.idp.session.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import org.callsign.idp.session.service.IssuedSession;

/**
 * A bearer token, in the member names of an OAuth 2.0 token response (RFC 6749 §5.1) so that clients know them.
 *
 * @param accessToken the opaque token, for {@code Authorization: Bearer} (RFC 6750 §2.1)
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until it expires
 * @param identity {@code username@domain}
 */
public record TokenView(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("identity") String identity) {

    /** The bearer token of a session just issued, expiring with the session. */
    public static TokenView of(IssuedSession issued) {
        long expiresIn = Duration.between(
                        issued.session().created(), issued.session().expires())
                .toSeconds();
        return new TokenView(issued.secret(), "Bearer", expiresIn, issued.user().identity());
    }

    /** Names the identity, never the token. */
    @Override
    public String toString() {
        return "TokenView[" + identity + "]";
    }
}
