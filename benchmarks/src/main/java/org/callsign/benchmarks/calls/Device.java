package org.callsign.benchmarks.calls;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.IdentityAsserter;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.wellknown.fetch.DefaultFetcher;

/**
 * One person's device as a browser runs it: a signaling connection to its own server
 * ({@code wss://…/ws?device=<id>}, bearer token) on the JDK's WebSocket client, and its own IdP proxy sandbox on its
 * own fetcher (empty cache, no connections when the device is made), which sends the person's IdP bearer token to their
 * IdP only. The sandbox asserts the device's descriptions ({@code IdentityAsserter}) and verifies the other side's
 * ({@code IdentityVerifier}, strict domain rule). Every message received goes to the {@link Handler} with the time it
 * arrived ({@link System#nanoTime()}).
 */
final class Device implements WebSocket.Listener, AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final long CONNECT_SECONDS = 30;

    /** Where received messages go; called on the WebSocket client's thread, in order. */
    interface Handler {
        void received(JsonNode message, long nanos);
    }

    private final Person person;
    private final Handler handler;
    private final DefaultFetcher fetcher;
    private final IdpSandbox sandbox;
    private final IdentityVerifier verifier;
    private final IdentityAsserter asserter;
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private Device(Person person, Handler handler, DefaultFetcher fetcher) {
        this.person = person;
        this.handler = handler;
        this.fetcher = fetcher;
        this.sandbox = new IdpSandbox(
                fetcher,
                SandboxConfig.defaults().withBearerTokens(Map.of(person.domain().idpOrigin(), person.idpToken())));
        this.verifier = new IdentityVerifier(sandbox, DomainRule.STRICT);
        this.asserter = new IdentityAsserter(sandbox);
    }

    /** Connects {@code person}'s device to their server and waits for its welcome. */
    static Device connect(CallDomains domains, Person person, Handler handler) {
        Device device = new Device(person, handler, domains.newFetcher());
        URI uri = URI.create(
                "wss://127.0.0.1:" + domains.signaling(person.domain()).port() + "/ws?device=" + person.deviceId());
        try {
            device.socket = domains.http()
                    .newWebSocketBuilder()
                    .header("Authorization", Api.bearer(person.signalingToken()))
                    .buildAsync(uri, device)
                    .get(CONNECT_SECONDS, TimeUnit.SECONDS);
            device.welcomed.get(CONNECT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            device.close();
            throw new IllegalStateException(person.identity() + "'s device could not connect: " + e, e);
        }
        return device;
    }

    Person person() {
        return person;
    }

    /** A client message of {@code type} with version 1 and a new id, to fill in. */
    static ObjectNode message(String type) {
        return Api.JSON.createObjectNode().put("type", type).put("v", 1).put("id", "m" + IDS.incrementAndGet());
    }

    /** Sends {@code message} as one text frame; returns when the client has written it. */
    void send(ObjectNode message) {
        String text;
        try {
            text = Api.JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        synchronized (this) {
            socket.sendText(text, true)
                    .orTimeout(CONNECT_SECONDS, TimeUnit.SECONDS)
                    .join();
        }
    }

    /** The person's description with an {@code a=identity} of their IdP for {@code origin}. */
    String asserted(String origin) throws IdentityException, SdpException {
        return asserter.assertIdentity(
                        SessionDescription.parse(person.sdp()),
                        IdpProxyAddress.of(person.domain().idpHost(), IdpProxyAddress.DEFAULT_PROTOCOL),
                        origin,
                        new GenerateOptions(IdpProxyAddress.DEFAULT_PROTOCOL, null, null))
                .toString();
    }

    /** The identity {@code sdp} asserts for {@code origin}, verified; fails if it asserts none. */
    VerifiedIdentity verify(String sdp, String origin) throws IdentityException, SdpException {
        Optional<VerifiedIdentity> verified = verifier.verify(SessionDescription.parse(sdp), origin);
        return verified.orElseThrow(() -> new IllegalStateException("the description carries no a=identity"));
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            String text = partial.toString();
            partial.setLength(0);
            try {
                JsonNode message = Api.JSON.readTree(text);
                if ("welcome".equals(message.path("type").asText())) {
                    welcomed.complete(null);
                } else {
                    handler.received(message, now);
                }
            } catch (JsonProcessingException e) {
                welcomed.completeExceptionally(e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        welcomed.completeExceptionally(new IllegalStateException("closed: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        welcomed.completeExceptionally(error);
    }

    /** Closes the connection, the sandbox and the fetcher's connections. */
    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the connection is going anyway
            }
            socket.abort();
        }
        sandbox.close();
        fetcher.closeIdleConnections();
    }
}
