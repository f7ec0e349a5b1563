package org.callsign.peer;

/** webrtc-java's native stack cannot load on this machine; the message says what is missing. */
public final class WebRtcUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WebRtcUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
