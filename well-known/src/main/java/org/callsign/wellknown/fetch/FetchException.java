package org.callsign.wellknown.fetch;

import java.net.URI;
import org.callsign.wellknown.WellKnownException;

/**
 * A fetch that failed, with the {@link FetchFailure reason}, the URI being requested when it failed (after
 * any redirects) and, for {@link FetchFailure#HTTP_STATUS}, the status code.
 */
public final class FetchException extends WellKnownException {
    private static final long serialVersionUID = 1L;

    private final FetchFailure failure;
    private final transient URI uri;
    private final int status;

    public FetchException(FetchFailure failure, URI uri, String detail) {
        this(failure, uri, -1, detail, null);
    }

    public FetchException(FetchFailure failure, URI uri, String detail, Throwable cause) {
        this(failure, uri, -1, detail, cause);
    }

    public FetchException(FetchFailure failure, URI uri, int status, String detail, Throwable cause) {
        super(failure.code() + ": " + detail + (uri == null ? "" : " (" + uri + ")"), cause);
        this.failure = failure;
        this.uri = uri;
        this.status = status;
    }

    public FetchFailure failure() {
        return failure;
    }

    /** The URI being requested when the fetch failed; after redirects this is not the one first asked for. */
    public URI uri() {
        return uri;
    }

    /** The HTTP status for {@link FetchFailure#HTTP_STATUS}, otherwise {@code -1}. */
    public int status() {
        return status;
    }
}
