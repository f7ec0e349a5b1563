package org.callsign.wellknown.fetch;

import java.io.IOException;

/** A response that breaks HTTP/1.1 framing or a size limit; the fetcher adds the URI and rethrows it typed. */
final class HttpProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    private final FetchFailure failure;

    HttpProtocolException(FetchFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    FetchFailure failure() {
        return failure;
    }
}
