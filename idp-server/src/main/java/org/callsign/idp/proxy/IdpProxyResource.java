package org.callsign.idp.proxy;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ErrorBody;

/**
 * The IdP proxy script at {@code /.well-known/idp-proxy/<protocol>} (RFC 8827 §7.5, W3C webrtc-identity §5.2): the
 * only protocol is {@value #DEFAULT_PROTOCOL}; any other answers 404. JavaScript, readable from any origin (the
 * browser loads it on behalf of every relying page), cached briefly and revalidated by its entity tag.
 */
@Path(IdpProxyResource.PATH)
public class IdpProxyResource {

    /** Where proxy scripts are served, per protocol. */
    public static final String PATH = "/.well-known/idp-proxy";

    /** The protocol this IdP speaks (W3C webrtc-identity's default). */
    public static final String DEFAULT_PROTOCOL = "default";

    /** The media type of the script (RFC 9239). */
    public static final String JAVASCRIPT = "text/javascript; charset=utf-8";

    /** Seconds a browser may reuse the script before revalidating it. */
    public static final int MAX_AGE_SECONDS = 300;

    private final IdpProxyScript script;

    IdpProxyResource(IdpProxyScript script) {
        this.script = script;
    }

    @GET
    @Path("/{protocol}")
    public Response proxy(@PathParam("protocol") String protocol, @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (!DEFAULT_PROTOCOL.equals(protocol)) {
            return Response.status(ApiError.NOT_FOUND.status())
                    .type("application/json")
                    .header("Access-Control-Allow-Origin", "*")
                    .entity(new ErrorBody(ApiError.NOT_FOUND.code(), "no IdP proxy for this protocol; try 'default'"))
                    .build();
        }
        Response.ResponseBuilder builder = matches(ifNoneMatch)
                ? Response.notModified()
                : Response.ok(script.bytes()).type(JAVASCRIPT);
        return builder.header(HttpHeaders.ETAG, script.etag())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + MAX_AGE_SECONDS)
                .header("Access-Control-Allow-Origin", "*")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** RFC 9110 §13.1.2: {@code *} or a list of tags, compared weakly. */
    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(script.etag()));
    }
}
