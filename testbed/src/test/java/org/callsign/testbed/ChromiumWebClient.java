package org.callsign.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The web client (signaling-server's {@code /app/}) as a user works it in Chromium, by the ids of its elements
 * (docs/web-client.md): consent, sign-in, the IdP's sign-in popup, chat, and what the page says.
 */
final class ChromiumWebClient {
    static final Duration WAIT = Duration.ofSeconds(30);

    /** The testbed for browser calls: a call rings for 30 s, as long as a step may wait. */
    static final TestbedOptions TESTBED =
            TestbedOptions.NONE.withSignalingProperty("callsign.signaling.calls.ring-timeout", "30s");

    private ChromiumWebClient() {}

    /** Consent at the user's IdP for the page's own origin (with its port), which asks the IdP frame for assertions. */
    static void allowPage(TwoDomains bed, User user) {
        bed.idp(user.domain())
                .post("/api/consents", user.idpAuthorization(), Map.of("origin", pageOrigin(bed, user)))
                .expect(200);
    }

    /** The page's origin in Chromium, which reaches the server at its loopback port. */
    static String pageOrigin(TwoDomains bed, User user) {
        return "https://" + user.domain().signalingHost() + ":"
                + bed.ports(user.domain()).signaling();
    }

    /** Opens the web client of {@code user}'s signaling server and waits for the sign-in form. */
    static void open(ChromeDriver driver, TwoDomains bed, User user) {
        driver.get(pageOrigin(bed, user) + "/app/");
        Chromium.await(() -> driver.findElement(By.id("signin-form")).isDisplayed(), WAIT, "the sign-in form");
    }

    /** Signs in as {@code user}'s client, naming their IdP with its port, and waits until the page is connected. */
    static void signIn(ChromeDriver driver, TwoDomains bed, User user) {
        driver.findElement(By.id("client-id")).sendKeys(user.clientId());
        driver.findElement(By.id("client-key")).sendKeys(user.clientKey());
        driver.findElement(By.id("idp-domain"))
                .sendKeys(
                        user.domain().idpHost() + ":" + bed.ports(user.domain()).idp());
        driver.findElement(By.id("signin-submit")).click();
        Chromium.await(
                () -> text(driver, "connection").equals("connected"),
                WAIT,
                "connected: " + text(driver, "signin-error"));
        assertEquals(user.identity(), text(driver, "my-identity"));
    }

    /** The IdP needs a sign-in: the page offers it, the popup logs in, hands over and closes; the page goes on. */
    static void logInAtIdp(ChromeDriver driver, User user) {
        String page = driver.getWindowHandle();
        Chromium.await(() -> driver.findElement(By.id("idp-signin")).isDisplayed(), WAIT, "the IdP sign-in button");
        Set<String> before = driver.getWindowHandles();
        driver.findElement(By.id("idp-signin")).click();
        Chromium.await(() -> driver.getWindowHandles().size() > before.size(), WAIT, "the IdP popup");
        String popup = driver.getWindowHandles().stream()
                .filter(handle -> !before.contains(handle))
                .findFirst()
                .orElseThrow();
        driver.switchTo().window(popup);
        Chromium.await(() -> !driver.findElements(By.id("username")).isEmpty(), WAIT, "the IdP login form");
        driver.findElement(By.id("username")).sendKeys(user.username());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        try {
            Chromium.await(() -> !driver.getWindowHandles().contains(popup), WAIT, "the popup closes itself");
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "; the popup at " + driver.getCurrentUrl() + " says: "
                            + driver.findElement(By.tagName("body")).getText() + "; console: "
                            + Chromium.console(driver),
                    e);
        }
        driver.switchTo().window(page);
        Chromium.await(() -> !driver.findElement(By.id("idp-signin")).isDisplayed(), WAIT, "the page goes on");
    }

    /** Types {@code message} into the chat and sends it. */
    static void say(ChromeDriver driver, String message) {
        WebElement input = driver.findElement(By.id("chat-text"));
        input.sendKeys(message);
        driver.findElement(By.id("chat-send")).click();
    }

    /** The text of the element {@code id}, empty if there is none. */
    static String text(ChromeDriver driver, String id) {
        List<WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText();
    }
}
