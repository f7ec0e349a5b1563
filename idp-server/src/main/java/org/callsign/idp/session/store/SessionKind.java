package org.callsign.idp.session.store;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a session is presented: a cookie (the IdP's own pages) or a bearer token (non-browser clients). */
public enum SessionKind {
    COOKIE("cookie"),
    BEARER("bearer");

    private final String value;

    SessionKind(String value) {
        this.value = value;
    }

    /** The wire and store value. */
    @JsonValue
    public String value() {
        return value;
    }
}
