package org.callsign.shim.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.callsign.wellknown.fetch.CacheStatus;
import org.callsign.wellknown.fetch.FetchException;
import org.callsign.wellknown.fetch.FetchRequest;
import org.callsign.wellknown.fetch.FetchResult;
import org.callsign.wellknown.fetch.Fetcher;

/**
 * The realm's {@code fetch}: same origin as the proxy script only (the realm's origin is the script's final
 * URL's, RFC 8827 §7.5), through the hardened fetcher (address policy, timeouts, size cap), with the
 * origin's cookies and configured bearer token. Responses of every status reach the script, as in a
 * browser; network failures become a {@code TypeError}. A GET without credentials, body or other headers than
 * {@code Accept} may be answered from the fetcher's HTTP cache (RFC 9111), as a browser's would be.
 */
final class RealmFetch {
    static final int MAX_REQUESTS_PER_OPERATION = 16;
    static final int MAX_REQUEST_BODY_CHARS = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers a script may set; the rest are the user agent's (Fetch standard's forbidden headers and more). */
    private static final Set<String> ALLOWED_HEADERS =
            Set.of("accept", "content-type", "authorization", "x-requested-with", "accept-language");

    private final String origin;
    private final Fetcher fetcher;
    private final CookieJar cookies;
    private final String bearerToken;
    private final int maxBytes;
    private int requests;

    RealmFetch(String origin, Fetcher fetcher, CookieJar cookies, String bearerToken, int maxBytes) {
        this.origin = origin;
        this.fetcher = fetcher;
        this.cookies = cookies;
        this.bearerToken = bearerToken;
        this.maxBytes = maxBytes;
    }

    void resetBudget() {
        requests = 0;
    }

    /** Returns JSON {@code {status,statusText,url,headers,body}} or {@code {error}}. */
    String fetch(String url, String method, String headersJson, String body) {
        ObjectNode out = JSON.createObjectNode();
        try {
            if (++requests > MAX_REQUESTS_PER_OPERATION) {
                return error(out, "fetch: more than " + MAX_REQUESTS_PER_OPERATION + " requests in one call");
            }
            URI uri = URI.create(url);
            String target =
                    JSON.readTree(RealmHost.parseUrl(url, null)).path("origin").asText("");
            if (!target.equals(origin)) {
                return error(
                        out, "fetch blocked: " + HostCrypto.bounded(target) + " is not the IdP's origin " + origin);
            }
            if (body != null && body.length() > MAX_REQUEST_BODY_CHARS) {
                return error(out, "fetch: request body larger than " + MAX_REQUEST_BODY_CHARS + " characters");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            JSON.readTree(headersJson).fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                if (ALLOWED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    headers.put(header.getKey(), header.getValue().asText());
                }
            }
            if (bearerToken != null && headers.keySet().stream().noneMatch("authorization"::equalsIgnoreCase)) {
                headers.put("Authorization", "Bearer " + bearerToken);
            }
            String cookie = cookies.header(origin);
            if (cookie != null) {
                headers.put("Cookie", cookie);
            }
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            // Public documents (keys, configuration) come from the cache while fresh; anything sent with credentials,
            // a body or headers the response might vary on goes to the server every time.
            boolean cacheable = method.equals("GET")
                    && bytes.length == 0
                    && headers.keySet().stream().allMatch("accept"::equalsIgnoreCase);
            FetchRequest request = (cacheable ? FetchRequest.get(uri) : FetchRequest.of(method, uri, bytes))
                    .maxBytes(maxBytes)
                    .anyStatus();
            for (Map.Entry<String, String> header : headers.entrySet()) {
                request = request.header(header.getKey(), header.getValue());
            }
            FetchResult result = fetcher.fetch(request);
            if (result.cacheStatus() != CacheStatus.HIT) {
                cookies.store(origin, result.headers().getOrDefault("set-cookie", List.of()));
            }
            out.put("status", result.status());
            out.put("statusText", "");
            out.put("url", result.finalUri().toString());
            ObjectNode responseHeaders = out.putObject("headers");
            result.headers().forEach((name, values) -> {
                if (!name.equals("set-cookie")) {
                    responseHeaders.put(name, String.join(", ", values));
                }
            });
            out.put("body", result.text());
            return out.toString();
        } catch (FetchException e) {
            return error(out, "fetch failed: " + e.failure().code());
        } catch (IllegalArgumentException e) {
            return error(out, "fetch: " + HostCrypto.bounded(String.valueOf(e.getMessage())));
        } catch (Exception e) {
            return error(out, "fetch failed");
        }
    }

    private static String error(ObjectNode out, String message) {
        out.removeAll();
        out.put("error", message);
        return out.toString();
    }
}
