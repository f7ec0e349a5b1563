package org.callsign.wellknown.webfinger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.callsign.wellknown.Authority;
import org.callsign.wellknown.UriRuleException;
import org.callsign.wellknown.WellKnownUri;
import org.callsign.wellknown.fetch.FetchException;
import org.callsign.wellknown.fetch.FetchFailure;
import org.callsign.wellknown.fetch.FetchRequest;
import org.callsign.wellknown.fetch.FetchResult;
import org.callsign.wellknown.fetch.Fetcher;

/**
 * WebFinger client (RFC 7033): asks {@code https://<host>/.well-known/webfinger?resource=…[&rel=…]} through
 * a hardened {@link Fetcher} and returns the JRD.
 *
 * <p>The document must be {@code application/jrd+json} (plain {@code application/json} is tolerated, as
 * many servers send it), at most {@link #MAX_JRD_BYTES}, with a {@code rel} on every link and, for an
 * {@code acct:} lookup, a subject or alias equal to the resource asked for. Servers may ignore {@code rel}
 * (§4.3), so the client filters links itself.
 */
public final class WebFingerClient {
    public static final String JRD_MEDIA_TYPE = "application/jrd+json";
    public static final long MAX_JRD_BYTES = 64 * 1024;
    static final int MAX_JSON_DEPTH = 16;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_JSON_DEPTH)
                            .build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Fetcher fetcher;

    public WebFingerClient(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** Looks up {@code acct:user@host} at {@code host}. */
    public Jrd lookup(AcctUri account, String... rels) throws WebFingerException {
        return lookup(account.host(), account.toString(), rels);
    }

    /** Looks up any resource URI at {@code host}. */
    public Jrd lookup(Authority host, String resource, String... rels) throws WebFingerException {
        List<String> relations = List.of(rels);
        FetchResult result;
        try {
            result = fetcher.fetch(FetchRequest.get(queryUri(host, resource, relations))
                    .accept(JRD_MEDIA_TYPE, "application/json")
                    .maxBytes(MAX_JRD_BYTES));
        } catch (FetchException e) {
            if (e.failure() == FetchFailure.HTTP_STATUS && e.status() == 404) {
                throw new WebFingerException(
                        WebFingerFailure.NO_SUCH_RESOURCE, resource, "server has no such resource", e);
            }
            WebFingerFailure failure =
                    e.failure() == FetchFailure.BAD_CONTENT_TYPE || e.failure() == FetchFailure.TOO_LARGE
                            ? WebFingerFailure.BAD_DOCUMENT
                            : WebFingerFailure.UNREACHABLE;
            throw new WebFingerException(failure, resource, e.getMessage(), e);
        }
        Jrd jrd = parse(resource, result.body());
        checkSubject(resource, jrd);
        return jrd.onlyRels(relations);
    }

    /** The query URI of RFC 7033 §4.1: {@code resource} and each {@code rel}, percent-encoded. */
    public static URI queryUri(Authority host, String resource, List<String> rels) throws WebFingerException {
        try {
            StringBuilder uri = new StringBuilder(
                            WellKnownUri.https(host, "webfinger").toString())
                    .append("?resource=")
                    .append(encode(resource));
            for (String rel : rels) {
                uri.append("&rel=").append(encode(rel));
            }
            return URI.create(uri.toString());
        } catch (UriRuleException e) {
            throw new WebFingerException(WebFingerFailure.UNREACHABLE, resource, e.getMessage(), e);
        }
    }

    /** Parses a JRD, enforcing the rules in the class description except the subject check. */
    public static Jrd parse(String resource, byte[] json) throws WebFingerException {
        Jrd jrd;
        try {
            jrd = MAPPER.readValue(json, Jrd.class);
        } catch (IOException | RuntimeException e) {
            throw new WebFingerException(WebFingerFailure.BAD_DOCUMENT, resource, "not a JRD: " + firstLine(e), e);
        }
        if (jrd == null) {
            throw new WebFingerException(WebFingerFailure.BAD_DOCUMENT, resource, "not a JRD: null", null);
        }
        for (JrdLink link : jrd.links()) {
            if (link == null || link.rel() == null || link.rel().isBlank()) {
                throw new WebFingerException(WebFingerFailure.BAD_DOCUMENT, resource, "a link has no rel", null);
            }
        }
        return jrd;
    }

    private static void checkSubject(String resource, Jrd jrd) throws WebFingerException {
        if (!resource.regionMatches(true, 0, AcctUri.SCHEME + ":", 0, 5)) {
            return;
        }
        AcctUri asked;
        try {
            asked = AcctUri.parse(resource);
        } catch (UriRuleException e) {
            return;
        }
        boolean matches = jrd.subject() != null && asked.sameAccount(jrd.subject());
        for (String alias : jrd.aliases()) {
            matches |= asked.sameAccount(alias);
        }
        if (!matches) {
            throw new WebFingerException(
                    WebFingerFailure.BAD_DOCUMENT,
                    resource,
                    "JRD describes " + jrd.subject() + ", not the resource asked for",
                    null);
        }
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() * 2);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
