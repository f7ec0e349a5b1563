package org.callsign.wellknown.webfinger;

import org.callsign.wellknown.WellKnownException;
import org.callsign.wellknown.fetch.FetchException;
import org.callsign.wellknown.fetch.FetchFailure;

/** A failed WebFinger lookup; when the fetch itself failed, the {@link FetchException} is the cause. */
public final class WebFingerException extends WellKnownException {
    private static final long serialVersionUID = 1L;

    private final WebFingerFailure failure;
    private final String resource;

    public WebFingerException(WebFingerFailure failure, String resource, String detail, Throwable cause) {
        super("webfinger " + failure.code() + " for " + resource + ": " + detail, cause);
        this.failure = failure;
        this.resource = resource;
    }

    public WebFingerFailure failure() {
        return failure;
    }

    /** The resource that was looked up. */
    public String resource() {
        return resource;
    }

    /** The fetch failure behind this one, or {@code null} when the fetch succeeded. */
    public FetchFailure fetchFailure() {
        return getCause() instanceof FetchException fetch ? fetch.failure() : null;
    }
}
