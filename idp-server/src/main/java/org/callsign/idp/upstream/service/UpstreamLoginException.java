package org.callsign.idp.upstream.service;

import org.callsign.server.api.ApiException;

/** An upstream login refused, with its {@link UpstreamError}; the message never quotes a token, code or secret. */
public class UpstreamLoginException extends ApiException {

    private static final long serialVersionUID = 1L;

    public UpstreamLoginException(UpstreamError error, String message) {
        super(error, message);
    }

    public UpstreamLoginException(UpstreamError error, String message, Throwable cause) {
        super(error, message);
        initCause(cause);
    }

    /** The error code and status. */
    @Override
    public UpstreamError error() {
        return (UpstreamError) super.error();
    }
}
