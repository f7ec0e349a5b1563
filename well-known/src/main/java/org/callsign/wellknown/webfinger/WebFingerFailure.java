package org.callsign.wellknown.webfinger;

/** Why a WebFinger lookup failed. */
public enum WebFingerFailure {
    /** The server answered 404: it knows no such resource (RFC 7033 §4.2). */
    NO_SUCH_RESOURCE("no-such-resource"),
    /** The server could not be reached or refused to answer: see the {@code FetchException} cause. */
    UNREACHABLE("unreachable"),
    /** The answer is not a usable JRD: wrong media type, bad JSON, a link without {@code rel}, wrong subject. */
    BAD_DOCUMENT("bad-document");

    private final String code;

    WebFingerFailure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
