package org.callsign.signaling.verification.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.callsign.server.api.ApiException;
import org.callsign.server.html.Html;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.fingerprint.service.DeviceFingerprint;

/**
 * The HTML of the verification pages: plain forms, no script, no external resource. Every page forbids framing
 * (clickjacking a "verify" button), is never cached, and sends no {@code Referer} (the page's URL is the link).
 */
final class VerificationPages {

    /** No script, no styles from elsewhere, forms only back to this server, no framing. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private VerificationPages() {}

    /** The page that asks whether to verify {@code device}. */
    static Response confirm(String clientId, Device device, Instant expires) {
        String body = "<h1>Verify this device?</h1>\n"
                + details(clientId, device)
                + "<p>Verify it only if it is yours and its fingerprint is the one it shows. This link works once, until "
                + Html.escape(expires.toString()) + ".</p>\n"
                + "<form method=\"post\"><button type=\"submit\">Verify " + Html.escape(device.name())
                + "</button></form>\n";
        return page(200, "Verify " + device.name(), body);
    }

    /** The page of a device that is verified already. */
    static Response alreadyVerified(String clientId, Device device) {
        return page(200, device.name() + " is verified", "<h1>Already verified</h1>\n" + details(clientId, device));
    }

    /** The page after verifying. */
    static Response verified(String clientId, Device device) {
        return page(200, device.name() + " is verified", "<h1>Device verified</h1>\n" + details(clientId, device));
    }

    /** The page of a refusal, with its error code. */
    static Response error(ApiException e) {
        String body = "<h1>This link cannot be used</h1>\n<p id=\"error\" data-error=\""
                + Html.escape(e.error().code()) + "\">" + Html.escape(e.getMessage()) + ".</p>\n";
        return page(e.error().status(), "Verification link refused", body);
    }

    private static String details(String clientId, Device device) {
        return "<dl>\n<dt>Device</dt><dd id=\"name\">" + Html.escape(device.name()) + "</dd>\n"
                + "<dt>Kind</dt><dd id=\"kind\">" + Html.escape(device.kind()) + "</dd>\n"
                + "<dt>Fingerprint</dt><dd id=\"fingerprint\"><code>"
                + new DeviceFingerprint(device.fingerprint()).pairs() + "</code></dd>\n"
                + "<dt>Client</dt><dd id=\"client\">" + Html.escape(clientId) + "</dd>\n</dl>\n";
    }

    private static Response page(int status, String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n</head>\n<body>\n<main>\n" + body
                + "</main>\n</body>\n</html>\n";
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(html)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
