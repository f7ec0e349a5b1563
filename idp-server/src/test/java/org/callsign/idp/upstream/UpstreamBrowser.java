package org.callsign.idp.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the code flow needs one: it follows no redirect by itself, keeps cookies per host (names and
 * values; paths ignored), and completes the provider's development login and consent forms by posting them.
 */
final class UpstreamBrowser {

    private static final Pattern FORM =
            Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN =
            Pattern.compile("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

    /** A GET with this browser's cookies of the host. */
    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET(), uri);
    }

    /** A form POST with this browser's cookies of the host. */
    HttpResponse<String> post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                uri);
    }

    /** A JSON POST as the IdP's pages send it: same-origin, with the CSRF header. */
    HttpResponse<String> postJson(URI uri, String json) {
        return send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .header("X-Callsign-Csrf", "1")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                uri);
    }

    /** The target of the 303 answer to a GET; fails if the answer is something else. */
    URI redirectOf(URI uri) {
        HttpResponse<String> answer = get(uri);
        assertEquals(303, answer.statusCode(), () -> uri + ": " + answer.body());
        return uri.resolve(answer.headers().firstValue("Location").orElseThrow());
    }

    /**
     * Runs the provider's side from the authentication request: follows its redirects, logs in as {@code login} and
     * consents by posting its forms, and returns the redirect back to {@code callbackPrefix} (not followed).
     */
    URI authorize(URI authorizationRequest, String login, String callbackPrefix) {
        URI next = authorizationRequest;
        for (int step = 0; step < 20; step++) {
            HttpResponse<String> answer = get(next);
            while (answer.statusCode() == 200 && FORM.matcher(answer.body()).find()) {
                answer = submit(next, answer.body(), login);
            }
            String location = answer.headers().firstValue("Location").orElse(null);
            if (answer.statusCode() / 100 != 3 || location == null) {
                throw new AssertionError("provider answered " + answer.statusCode() + ": " + answer.body());
            }
            next = next.resolve(location);
            if (next.toString().startsWith(callbackPrefix)) {
                return next;
            }
        }
        throw new AssertionError("no redirect back after 20 steps");
    }

    /** Sets a cookie as if the server had. */
    void setCookie(URI uri, String name, String value) {
        cookies.computeIfAbsent(uri.getHost(), host -> new ConcurrentHashMap<>())
                .put(name, value);
    }

    /** A cookie's value, or {@code null}. */
    String cookie(URI uri, String name) {
        return cookies.getOrDefault(uri.getHost(), Map.of()).get(name);
    }

    private HttpResponse<String> submit(URI page, String html, String login) {
        Matcher form = FORM.matcher(html);
        form.find();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form.group(2));
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        if (form.group(2).contains("name=\"login\"")) {
            fields.put("login", login);
            fields.put("password", "any password");
        }
        return post(page.resolve(form.group(1)), fields);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, URI uri) {
        Map<String, String> jar = cookies.getOrDefault(uri.getHost(), Map.of());
        if (!jar.isEmpty()) {
            request.header(
                    "Cookie",
                    jar.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> answer =
                    http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            answer.headers().allValues("Set-Cookie").forEach(header -> keep(uri, header));
            return answer;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(URI uri, String header) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        Map<String, String> jar = cookies.computeIfAbsent(uri.getHost(), host -> new ConcurrentHashMap<>());
        String lower = header.toLowerCase(java.util.Locale.ROOT);
        if (value.isEmpty() || lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
            jar.remove(name);
        } else {
            jar.put(name, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
