package org.callsign.shim.sdp;

import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;

/** SDP that cannot be parsed or breaks a limit; the message names the line and the rule. */
public final class SdpException extends IdentityException {
    private static final long serialVersionUID = 1L;

    public SdpException(String message) {
        super(IdentityError.SDP_MALFORMED, message);
    }
}
