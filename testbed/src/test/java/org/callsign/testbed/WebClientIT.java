package org.callsign.testbed;

import static org.callsign.testbed.ChromiumWebClient.WAIT;
import static org.callsign.testbed.ChromiumWebClient.allowPage;
import static org.callsign.testbed.ChromiumWebClient.logInAtIdp;
import static org.callsign.testbed.ChromiumWebClient.open;
import static org.callsign.testbed.ChromiumWebClient.pageOrigin;
import static org.callsign.testbed.ChromiumWebClient.say;
import static org.callsign.testbed.ChromiumWebClient.signIn;
import static org.callsign.testbed.ChromiumWebClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The web client in real Chromium (docs/web-client.md): alice on sig-a.test and per on sig-b.test, each in a browser
 * of their own, sign in, log in to their IdP through its popup (the IdP proxy frame's sign-in), call each other, see
 * each other's identity verified by their own browser, and chat over a data channel (also when the chat opens before
 * alice's page has gone on from applying per's answer); a signaling server that swaps a fingerprint makes the call
 * fail visibly, and so does a connection that fails once the other side's browser left; per's status, rules and call
 * history work through the page. Screenshots of the key screens go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebClientIT {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Swaps every fingerprint of the answer a page receives: what a signaling server in the middle would do. */
    private static final String SWAP_ANSWER_FINGERPRINT =
            """
            (() => {
              const Native = window.WebSocket;
              const Tampering = function (url, protocols) {
                const socket = new Native(url, protocols);
                const add = socket.addEventListener.bind(socket);
                socket.addEventListener = (type, listener, options) => type !== 'message'
                  ? add(type, listener, options)
                  : add(type, (event) => {
                      let data = event.data;
                      try {
                        const message = JSON.parse(data);
                        if (message.type === 'call-update' && message.state === 'accepted') {
                          message.sdp = message.sdp.replace(/(a=fingerprint:\\S+ )[0-9A-Fa-f:]+/g,
                            '$1' + '5A:'.repeat(31) + '5A');
                          data = JSON.stringify(message);
                        }
                      } catch (e) {}
                      listener(new MessageEvent('message', {data}));
                    }, options);
                return socket;
              };
              Tampering.prototype = Native.prototype;
              window.WebSocket = Tampering;
            })();
            """;

    /**
     * Holds back for 2 s the page's going on after the browser applied the other side's SDP: the connection and the
     * chat open meanwhile, as they may on a loaded machine, where the browser's events are not ordered against its
     * promises.
     */
    private static final String SLOW_REMOTE_DESCRIPTION =
            """
            (() => {
              const apply = RTCPeerConnection.prototype.setRemoteDescription;
              RTCPeerConnection.prototype.setRemoteDescription = function (...args) {
                return apply.apply(this, args)
                  .then((result) => new Promise((resolve) => setTimeout(() => resolve(result), 2000)));
              };
            })();
            """;

    /**
     * Chromium finds a connection failed when the other side has answered no consent check for a while (RFC 7675: 30 s
     * at most).
     */
    private static final Duration CONNECTION_FAILS = Duration.ofSeconds(60);

    /** The page's texts a failure report names. */
    private static final List<String> PAGE_TEXTS = List.of(
            "connection", "incoming-identity", "peer-identity", "call-state", "call-error", "chat-log", "signin-error");

    @RegisterExtension
    static final TwoDomainsExtension testbed = new TwoDomainsExtension(ChromiumWebClient.TESTBED);

    /** On a failure, both browsers' windows, texts and consoles go to the testbed's logs, beside the servers'. */
    @RegisterExtension
    static final TestWatcher failureReport = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            Path dir = testbed.get()
                    .logDir()
                    .resolve("failures")
                    .resolve(context.getRequiredTestMethod().getName());
            report(aliceBrowser, dir, "alice", cause);
            report(perBrowser, dir, "per", cause);
        }

        private void report(Chromium browser, Path dir, String name, Throwable cause) {
            if (browser == null) {
                return;
            }
            try {
                browser.report(dir, name, PAGE_TEXTS);
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    };

    private static User alice;
    private static User per;
    private static Chromium aliceBrowser;
    private static Chromium perBrowser;

    @BeforeAll
    static void browsers() throws Exception {
        Chromium.assumeInstalled();
        TwoDomains bed = testbed.get();
        alice = bed.createUser(Domain.A, "alice");
        per = bed.createUser(Domain.B, "per");
        allowPage(bed, alice);
        allowPage(bed, per);
        Path dir = Files.createDirectories(bed.logDir().resolve("chromium"));
        Set<String> hosts = new HashSet<>(bed.connectTo().keySet());
        aliceBrowser = Chromium.start(dir.resolve("alice"), bed.caPem(), hosts);
        perBrowser = Chromium.start(dir.resolve("per"), bed.caPem(), hosts);
    }

    @AfterAll
    static void closeBrowsers() throws Exception {
        for (Chromium browser : new Chromium[] {aliceBrowser, perBrowser}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void aliceCallsPerAndEachBrowserShowsTheOthersVerifiedIdentity() throws Exception {
        ChromeDriver a = aliceBrowser.driver();
        ChromeDriver p = perBrowser.driver();
        Object slowScript = a.executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", SLOW_REMOTE_DESCRIPTION))
                .get("identifier");
        open(a, testbed.get(), alice);
        aliceBrowser.screenshot(SCREENSHOTS.resolve("signin.png"));
        signIn(a, testbed.get(), alice);
        open(p, testbed.get(), per);
        signIn(p, testbed.get(), per);

        a.findElement(By.id("callee")).sendKeys(per.identity());
        a.findElement(By.id("with-media")).click();
        a.findElement(By.id("call-button")).click();
        logInAtIdp(a, alice);

        Chromium.await(() -> p.findElement(By.id("incoming")).isDisplayed(), WAIT, "per's browser rings");
        Chromium.await(
                () -> text(p, "incoming-identity").startsWith("alice@idp-a.test — identity verified by this browser"),
                WAIT,
                "per's browser verified alice: " + text(p, "incoming-identity"));
        perBrowser.screenshot(SCREENSHOTS.resolve("incoming-call.png"));
        p.findElement(By.id("with-media")).click();
        p.findElement(By.id("accept")).click();
        logInAtIdp(p, per);

        Chromium.await(
                () -> text(a, "peer-identity").startsWith("per@idp-b.test — identity verified by this browser"),
                WAIT,
                "alice's browser verified per: " + text(a, "peer-identity") + " " + text(a, "call-error"));
        Chromium.await(() -> text(a, "call-state").contains("chat open"), WAIT, "alice's chat opens");
        Chromium.await(() -> text(p, "call-state").contains("chat open"), WAIT, "per's chat opens");
        assertTrue(
                text(p, "peer-identity").startsWith("alice@idp-a.test — identity verified"), text(p, "peer-identity"));

        Chromium.await(() -> videoWidth(a) > 0, WAIT, "alice sees per's (fake) camera");
        Chromium.await(() -> videoWidth(p) > 0, WAIT, "per sees alice's (fake) camera");
        say(a, "hello per, this is alice");
        Chromium.await(() -> text(p, "chat-log").contains("hello per, this is alice"), WAIT, "per got the message");
        say(p, "hello alice");
        Chromium.await(() -> text(a, "chat-log").contains("hello alice"), WAIT, "alice got the reply");
        aliceBrowser.screenshot(SCREENSHOTS.resolve("in-call.png"));

        a.findElement(By.id("hangup")).click();
        Chromium.await(() -> !p.findElement(By.id("in-call")).isDisplayed(), WAIT, "per's call ended");
        a.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", slowScript));
        JsonNode record = testbed.get()
                .signaling(Domain.B)
                .get("/api/calls", per.signalingAuthorization())
                .expect(200)
                .json()
                .path("calls")
                .path(0);
        assertEquals("alice@idp-a.test", record.path("peer").asText(), record.toString());
        assertTrue(record.path("verified").asBoolean(), "sig-b verified alice's browser offer too");
    }

    @Test
    @Order(2)
    void aConnectionThatFailsEndsTheCallOnTheSideLeftBehind() {
        ChromeDriver a = aliceBrowser.driver();
        ChromeDriver p = perBrowser.driver();
        a.findElement(By.id("callee")).clear();
        a.findElement(By.id("callee")).sendKeys(per.identity());
        a.findElement(By.id("call-button")).click();
        Chromium.await(() -> p.findElement(By.id("incoming")).isDisplayed(), WAIT, "per's browser rings");
        p.findElement(By.id("accept")).click();
        Chromium.await(() -> text(p, "call-state").contains("chat open"), WAIT, "per's chat opens");

        // alice's browser leaves the page: its peer connection goes without a word to anyone.
        a.get("about:blank");
        Chromium.await(
                () -> !p.findElement(By.id("in-call")).isDisplayed(),
                CONNECTION_FAILS,
                "per's side ends the call once the connection failed: " + text(p, "call-state"));
        assertEquals("Call ended: the connection failed.", text(p, "call-error"));

        a.get(pageOrigin(testbed.get(), alice) + "/app/");
        Chromium.await(() -> text(a, "connection").equals("connected"), WAIT, "alice's page is back");
    }

    @Test
    @Order(3)
    void aSwappedFingerprintInTheAnswerEndsTheCallVisibly() throws Exception {
        ChromeDriver a = aliceBrowser.driver();
        ChromeDriver p = perBrowser.driver();
        Object swapScript = a.executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", SWAP_ANSWER_FINGERPRINT))
                .get("identifier");
        a.navigate().refresh();
        p.navigate().refresh();
        Chromium.await(() -> text(a, "connection").equals("connected"), WAIT, "alice's page reconnects");
        Chromium.await(() -> text(p, "connection").equals("connected"), WAIT, "per's page reconnects");

        a.findElement(By.id("callee")).clear();
        a.findElement(By.id("callee")).sendKeys(per.identity());
        a.findElement(By.id("call-button")).click();
        Chromium.await(() -> p.findElement(By.id("incoming")).isDisplayed(), WAIT, "per's browser rings");
        p.findElement(By.id("accept")).click();
        Chromium.await(
                () -> text(a, "call-error").contains("fingerprint-not-covered"),
                WAIT,
                "alice's browser refuses the swapped answer: " + text(a, "call-error"));
        assertTrue(text(a, "call-error").contains("someone may be in the middle"), text(a, "call-error"));
        aliceBrowser.screenshot(SCREENSHOTS.resolve("tampered-fingerprint.png"));
        Chromium.await(() -> !p.findElement(By.id("in-call")).isDisplayed(), WAIT, "per's side ends too");
        a.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", swapScript));
    }

    @Test
    @Order(4)
    void perSetsHisStatusAndARuleAndSeesWhyCallsRang() throws Exception {
        ChromeDriver p = perBrowser.driver();
        p.findElement(By.id("status-select")).sendKeys("busy");
        p.findElement(By.id("status-set")).click();
        Chromium.await(() -> text(p, "status-now").startsWith("Now busy"), WAIT, "status shown");
        p.findElement(By.id("rule-pattern")).sendKeys("*@spam.test");
        p.findElement(By.id("rule-add")).click();
        Chromium.await(() -> text(p, "rules").contains("block *@spam.test"), WAIT, "rule shown");

        TwoDomains bed = testbed.get();
        assertEquals(
                "busy",
                bed.signaling(Domain.B)
                        .get("/api/filter/status", per.signalingAuthorization())
                        .expect(200)
                        .json()
                        .path("status")
                        .asText());
        assertEquals(
                "*@spam.test",
                bed.signaling(Domain.B)
                        .get("/api/filter/rules", per.signalingAuthorization())
                        .expect(200)
                        .json()
                        .path("rules")
                        .path(0)
                        .path("pattern")
                        .asText());
        p.findElement(By.id("refresh-history")).click();
        Chromium.await(
                () -> text(p, "history").contains("alice@idp-a.test ✓")
                        && text(p, "history").contains("ring"),
                WAIT,
                "history names the verified caller and the filter's decision: " + text(p, "history"));
        perBrowser.screenshot(SCREENSHOTS.resolve("settings-and-history.png"));
    }

    @Test
    @Order(5)
    void aPushWakesTheServiceWorkerWhichShowsTheCall() {
        ChromeDriver p = perBrowser.driver();
        String origin = pageOrigin(testbed.get(), per);
        p.executeCdpCommand(
                "Browser.grantPermissions", Map.of("origin", origin, "permissions", List.of("notifications")));
        p.executeCdpCommand("ServiceWorker.enable", Map.of());
        long expires = System.currentTimeMillis() / 1000 + 60;
        // What the push service delivers for an incoming call (docs/protocol.md): the service worker's push event.
        p.executeCdpCommand(
                "ServiceWorker.deliverPushMessage",
                Map.of(
                        "origin",
                        origin + "/",
                        "registrationId",
                        "0",
                        "data",
                        "{\"type\":\"incoming-call\",\"call\":\"c4ll\",\"expires\":" + expires + "}"));
        Chromium.await(
                () -> notifications(p).contains("Incoming call|Someone is calling you.|c4ll"),
                WAIT,
                "the service worker shows the call: " + notifications(p));
    }

    /** The notifications the page's service worker shows, as {@code title|body|call}. */
    @SuppressWarnings("unchecked")
    private static List<String> notifications(ChromeDriver driver) {
        return (List<String>) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.serviceWorker.ready.then((r) => r.getNotifications())"
                + ".then((all) => done(all.map((n) => n.title + '|' + n.body + '|' + n.data.call)));");
    }

    /** The width of the other side's video as it plays, 0 before any frame. */
    private static long videoWidth(ChromeDriver driver) {
        Object width = driver.executeScript("return document.getElementById('remote-video').videoWidth;");
        return width instanceof Number number ? number.longValue() : 0;
    }
}
