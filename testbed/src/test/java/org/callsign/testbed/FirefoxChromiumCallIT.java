package org.callsign.testbed;

import static org.callsign.testbed.ChromiumWebClient.WAIT;
import static org.callsign.testbed.ChromiumWebClient.allowPage;
import static org.callsign.testbed.ChromiumWebClient.logInAtIdp;
import static org.callsign.testbed.ChromiumWebClient.open;
import static org.callsign.testbed.ChromiumWebClient.say;
import static org.callsign.testbed.ChromiumWebClient.signIn;
import static org.callsign.testbed.ChromiumWebClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.callsign.testbed.firefox.Firefox;
import org.callsign.testbed.firefox.FirefoxEsr;
import org.callsign.testbed.firefox.FirefoxPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A call between the two kinds of browser (docs/interop.md): alice's web client in Firefox, at
 * {@code https://sig-a.test/app/}, uses Firefox's native WebRTC identity; per's in Chromium, on sig-b.test, the IdP
 * proxy frame. Each calls the other through both servers; each browser shows the other's identity as verified by
 * itself, and chat flows both ways. Firefox asserts for its page's origin, sig-a's, which sig-b and per's browser
 * accept as the other party's server (docs/federation.md). Disabled, with the reason, where firefox-esr is missing;
 * skipped where Chromium is.
 */
@EnabledIf(value = "org.callsign.testbed.firefox.FirefoxEsr#installed", disabledReason = FirefoxEsr.MISSING)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirefoxChromiumCallIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TwoDomainsExtension testbed = new TwoDomainsExtension(ChromiumWebClient.TESTBED);

    private static User alice;
    private static User per;
    private static Firefox firefox;
    private static Chromium perBrowser;

    @BeforeAll
    static void browsers() throws Exception {
        Chromium.assumeInstalled();
        TwoDomains bed = testbed.get();
        alice = bed.createUser(Domain.A, "alice");
        per = bed.createUser(Domain.B, "per");
        // Firefox reaches sig-a.test at 443 through its proxy: the page's origin is the server's own.
        bed.idp(Domain.A)
                .post("/api/consents", alice.idpAuthorization(), Map.of("origin", Domain.A.signalingOrigin()))
                .expect(200);
        allowPage(bed, per);
        firefox = Firefox.start(bed.caPem(), bed.connectTo());
        Path dir = Files.createDirectories(bed.logDir().resolve("chromium"));
        perBrowser = Chromium.start(
                dir.resolve("per"), bed.caPem(), new HashSet<>(bed.connectTo().keySet()));

        firefox.open(URI.create(Domain.A.signalingOrigin() + "/app/"));
        awaitFirefox(() -> shown("signin-form"), "the sign-in form in Firefox");
        fill("client-id", alice.clientId());
        fill("client-key", alice.clientKey());
        fill("idp-domain", idpWithPort(alice));
        click("signin-submit");
        awaitFirefox(() -> firefoxText("connection").equals("connected"), "Firefox connected");
        assertEquals(alice.identity(), firefoxText("my-identity"));

        open(perBrowser.driver(), bed, per);
        signIn(perBrowser.driver(), bed, per);
    }

    @AfterAll
    static void closeBrowsers() throws Exception {
        try {
            if (perBrowser != null) {
                perBrowser.close();
            }
        } finally {
            if (firefox != null) {
                firefox.close();
            }
        }
    }

    @Test
    @Order(1)
    void aliceInFirefoxCallsPerInChromiumAndEachVerifiesTheOther() throws Exception {
        ChromeDriver p = perBrowser.driver();
        fill("callee", per.identity());
        click("call-button");
        logInAtIdpInFirefox();

        awaitFirefox(() -> p.findElement(By.id("incoming")).isDisplayed(), "per's browser rings");
        Chromium.await(
                () -> text(p, "incoming-identity").startsWith("alice@idp-a.test — identity verified by this browser"),
                WAIT,
                "per's browser verified Firefox's native assertion: " + text(p, "incoming-identity"));
        p.findElement(By.id("accept")).click();
        logInAtIdp(p, per);

        awaitFirefox(
                () -> firefoxText("peer-identity").startsWith("per@idp-b.test — identity verified by this browser"),
                "Firefox verified per");
        chatFlowsBothWays(p);

        JsonNode record = CallSteps.awaitIncoming(testbed.get(), per, CallSteps.lastCall(testbed.get(), per), WAIT);
        assertEquals(alice.identity(), record.path("peer").asText(), record.toString());
        assertTrue(record.path("verified").asBoolean(), "sig-b verified Firefox's offer too: " + record);
        hangUp(p);
    }

    @Test
    @Order(2)
    void perInChromiumCallsAliceInFirefoxAndEachVerifiesTheOther() throws Exception {
        ChromeDriver p = perBrowser.driver();
        p.findElement(By.id("callee")).clear();
        p.findElement(By.id("callee")).sendKeys(alice.identity());
        p.findElement(By.id("call-button")).click();

        awaitFirefox(() -> shown("incoming"), "Firefox rings");
        awaitFirefox(
                () -> firefoxText("incoming-identity").startsWith("per@idp-b.test — identity verified by this browser"),
                "Firefox verified per's offer natively");
        click("accept");

        Chromium.await(
                () -> text(p, "peer-identity").startsWith("alice@idp-a.test — identity verified by this browser"),
                WAIT,
                "per's browser verified Firefox's native answer: " + text(p, "peer-identity") + " "
                        + text(p, "call-error"));
        chatFlowsBothWays(p);
        hangUp(p);
    }

    private static void chatFlowsBothWays(ChromeDriver p) {
        awaitFirefox(() -> firefoxText("call-state").contains("chat open"), "Firefox's chat opens");
        Chromium.await(() -> text(p, "call-state").contains("chat open"), WAIT, "per's chat opens");
        fill("chat-text", "hello from Firefox");
        click("chat-send");
        Chromium.await(() -> text(p, "chat-log").contains("hello from Firefox"), WAIT, "per got the message");
        say(p, "hello from Chromium");
        awaitFirefox(() -> firefoxText("chat-log").contains("hello from Chromium"), "Firefox got the reply");
    }

    private static void hangUp(ChromeDriver p) {
        p.findElement(By.id("hangup")).click();
        awaitFirefox(() -> !shown("in-call"), "Firefox's side of the call ends");
    }

    /** Firefox's IdP needs alice to sign in: the page offers it, the IdP's window logs in and reports back. */
    private static void logInAtIdpInFirefox() throws Exception {
        Chromium.await(
                () -> shown("idp-signin"), WAIT, "the IdP sign-in button in Firefox: " + firefoxText("call-error"));
        click("idp-signin");
        String status = firefox.evaluateInWindow(
                Domain.A.idpOrigin() + "/login", // the IdP names its own origin, without the port
                FirefoxPage.resource("fill-login.js").strip() + "(" + JSON.writeValueAsString(alice.username()) + ", "
                        + JSON.writeValueAsString(alice.password()) + ")");
        assertTrue(status.startsWith("Logged in"), "alice's login in Firefox: " + status);
        awaitFirefox(() -> !shown("idp-signin"), "Firefox's page goes on");
    }

    /** The IdP with its loopback port, as both browsers reach it, so that each can load the other's IdP. */
    private static String idpWithPort(User user) {
        return user.domain().idpHost() + ":"
                + testbed.get().ports(user.domain()).idp();
    }

    /** Waits for {@code condition} in Firefox's page; on failure, says what the page shows and what Firefox logged. */
    private static void awaitFirefox(BooleanSupplier condition, String what) {
        try {
            Chromium.await(condition, WAIT, what);
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; Firefox's page: call-state=" + firefoxText("call-state")
                            + ", call-error=" + firefoxText("call-error") + ", peer-identity="
                            + firefoxText("peer-identity")
                            + ", incoming-identity=" + firefoxText("incoming-identity") + "; Firefox's output:\n"
                            + tail(firefox.output(), 40),
                    e);
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }

    private static String firefoxText(String id) {
        return evaluate("(document.getElementById(" + literal(id) + ") || {textContent: ''}).textContent");
    }

    /** Whether the element {@code id} exists and neither it nor an ancestor is hidden. */
    private static boolean shown(String id) {
        return evaluate("(() => { const e = document.getElementById(" + literal(id) + ");"
                        + " return String(!!e && !e.closest('[hidden]')); })()")
                .equals("true");
    }

    private static void fill(String id, String value) {
        evaluate("(() => { const e = document.getElementById(" + literal(id) + "); e.value = " + literal(value)
                + "; return ''; })()");
    }

    private static void click(String id) {
        evaluate("(() => { document.getElementById(" + literal(id) + ").click(); return ''; })()");
    }

    private static String evaluate(String expression) {
        try {
            return firefox.evaluate(expression);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String literal(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
