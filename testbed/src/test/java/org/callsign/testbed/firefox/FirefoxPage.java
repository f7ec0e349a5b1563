package org.callsign.testbed.firefox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestHttpsServer;

/**
 * The test page ({@code src/test/resources/firefox/identity.html} and {@code identity.js}) served at an origin of
 * the testbed's extra server, and its functions called in Firefox: {@code callsign.offer(idp)},
 * {@code callsign.receive(sdp, target)}, {@code callsign.startLogin(idp)}, {@code callsign.finishLogin()}, each
 * answering with a JSON object.
 */
public final class FirefoxPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Firefox firefox;
    private final String origin;

    private FirefoxPage(Firefox firefox, String origin) {
        this.firefox = firefox;
        this.origin = origin;
    }

    /** Serves the page from {@code server} and opens it in {@code firefox} as {@code https://<host>}. */
    public static FirefoxPage open(Firefox firefox, TestHttpsServer server, String host)
            throws IOException, InterruptedException {
        server.route("/identity.html", ScriptedResponse.ok("text/html; charset=utf-8", resource("identity.html")));
        server.route("/identity.js", ScriptedResponse.ok("text/javascript; charset=utf-8", resource("identity.js")));
        FirefoxPage page = new FirefoxPage(firefox, "https://" + host);
        firefox.open(URI.create(page.origin + "/identity.html"));
        return page;
    }

    /** The page's origin, {@code https://app.test}: the origin Firefox gives the IdP proxy. */
    public String origin() {
        return origin;
    }

    /** Calls {@code callsign.<function>(arguments…)} in the page and parses what it answers. */
    public JsonNode call(String function, String... arguments) throws IOException, InterruptedException {
        List<String> literals = new ArrayList<>();
        for (String argument : arguments) {
            literals.add(argument == null ? "null" : JSON.writeValueAsString(argument));
        }
        return JSON.readTree(firefox.evaluate("callsign." + function + "(" + String.join(", ", literals) + ")"));
    }

    /** A text file of {@code src/test/resources/firefox/}. */
    public static String resource(String name) {
        try (InputStream in = FirefoxPage.class.getResourceAsStream("/firefox/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /firefox/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
