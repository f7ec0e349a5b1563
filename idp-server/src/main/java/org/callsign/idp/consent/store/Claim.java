package org.callsign.idp.consent.store;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Optional profile claims a user may disclose to a relying origin, named as OpenID Connect Core §5.1 names them. */
public enum Claim {
    /** The display name. */
    NAME("name"),
    /** The avatar URL. */
    PICTURE("picture");

    private final String value;

    Claim(String value) {
        this.value = value;
    }

    /** The claim name on the wire and in assertions. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The claim of a wire name. */
    public static Optional<Claim> fromValue(String value) {
        return Arrays.stream(values())
                .filter(claim -> claim.value.equals(value))
                .findFirst();
    }
}
