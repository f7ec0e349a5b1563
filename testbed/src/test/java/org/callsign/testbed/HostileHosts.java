package org.callsign.testbed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.callsign.wellknown.testing.RecordedRequest;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestHttpsServer;

/**
 * The hostile domains of the attack tests, all served by the testbed's {@link TwoDomains#extraServer() extra server}
 * and told apart by {@code Host}:
 *
 * <table>
 *   <caption>hosts</caption>
 *   <tr><th>host</th><th>serves</th></tr>
 *   <tr><td>{@value #EVIL}</td><td>a signaling server whose federation key the test holds ({@link ForeignServer})</td></tr>
 *   <tr><td>{@value #HUGE}</td><td>WebFinger naming itself; a server document of {@value #HUGE_DOCUMENT_BYTES} bytes</td></tr>
 *   <tr><td>{@value #SILENT}</td><td>WebFinger naming itself; a server document that never comes</td></tr>
 *   <tr><td>{@value #ROGUE_IDP}</td><td>an IdP proxy that vouches for anyone; WebFinger links to addresses no server
 *       may be made to fetch ({@link #LINK_LOCAL}, {@link #UNSPECIFIED})</td></tr>
 * </table>
 *
 * Nothing is cacheable ({@code Cache-Control: no-store}), so every test sees what it scripted.
 */
final class HostileHosts {
    static final String EVIL = "evil.test";
    static final String HUGE = "huge.test";
    static final String SILENT = "silent.test";
    static final String ROGUE_IDP = "rogue-idp.test";

    /** Every host, for {@link TestbedOptions#withExtraHosts}. */
    static final String[] ALL = {EVIL, HUGE, SILENT, ROGUE_IDP};

    /** More than the 32 KiB a server document may have. */
    static final int HUGE_DOCUMENT_BYTES = 40 * 1024;

    /** The cloud metadata address (169.254.0.0/16, link-local): refused whatever {@code net.allow-loopback} says. */
    static final String LINK_LOCAL = "169.254.169.254";

    /** 0.0.0.0, which connects to this host: always refused. */
    static final String UNSPECIFIED = "0.0.0.0";

    /** The WebFinger accounts at {@value #ROGUE_IDP} and the signaling server each claims. */
    static final Map<String, String> ROGUE_LINKS = Map.of(
            "metadata@" + ROGUE_IDP, "https://" + LINK_LOCAL,
            "anyhost@" + ROGUE_IDP, "https://" + UNSPECIFIED);

    private static final String SIGNALING_REL = "urn:callsign:rel:signaling-server";

    private HostileHosts() {}

    /** Routes {@code server}'s paths for every hostile host; {@code evil} is the key holder at {@value #EVIL}. */
    static void install(TestHttpsServer server, ForeignServer evil) {
        String proxy = resource("/idp/vouches-for-anyone.js");
        String huge = hugeDocument();
        server.route("/.well-known/callsign", request -> switch (host(request)) {
            case EVIL -> json("application/json", evil.document());
            case HUGE -> json("application/json", huge);
            case SILENT -> ScriptedResponse.status(200).hangBeforeHeaders();
            default -> ScriptedResponse.status(404);
        });
        server.route("/.well-known/webfinger", HostileHosts::webFinger);
        server.route(
                "/.well-known/idp-proxy/default",
                request -> host(request).equals(ROGUE_IDP)
                        ? json("text/javascript", proxy)
                        : ScriptedResponse.status(404));
    }

    /** An assertion of the {@value #ROGUE_IDP} proxy: it will say that {@code identity} asserted {@code contents}. */
    static String rogueAssertion(String identity, String contents) {
        byte[] json = ForeignServer.json(Map.of("identity", identity, "contents", contents));
        return java.util.Base64.getEncoder().encodeToString(json);
    }

    private static ScriptedResponse webFinger(RecordedRequest request) {
        String resource = param(request.query(), "resource");
        if (resource == null || !resource.startsWith("acct:")) {
            return ScriptedResponse.status(400);
        }
        String account = resource.substring("acct:".length());
        String host = host(request);
        String href =
                switch (host) {
                    case HUGE, SILENT -> account.endsWith("@" + host) ? "https://" + host : null;
                    case ROGUE_IDP -> ROGUE_LINKS.get(account);
                    default -> null;
                };
        if (href == null) {
            return ScriptedResponse.status(404);
        }
        ObjectNode jrd = ApiClient.JSON.createObjectNode().put("subject", resource);
        ArrayNode links = jrd.putArray("links");
        links.addObject().put("rel", SIGNALING_REL).put("href", href);
        return json("application/jrd+json", jrd.toString());
    }

    /** A well-formed document of {@value #HUGE_DOCUMENT_BYTES} bytes or so: its size alone is wrong. */
    private static String hugeDocument() {
        ObjectNode document = ApiClient.JSON.createObjectNode().put("server", "https://" + HUGE);
        ArrayNode protocols = document.putArray("protocols");
        while (document.toString().length() < HUGE_DOCUMENT_BYTES) {
            protocols.add("callsign.v1-padding-" + protocols.size());
        }
        return document.toString();
    }

    private static ScriptedResponse json(String contentType, String body) {
        return ScriptedResponse.ok(contentType, body).header("Cache-Control", "no-store");
    }

    private static String host(RecordedRequest request) {
        String host = request.header("host");
        if (host == null) {
            return "";
        }
        int colon = host.indexOf(':');
        return (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String resource(String name) {
        try (InputStream in = HostileHosts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
