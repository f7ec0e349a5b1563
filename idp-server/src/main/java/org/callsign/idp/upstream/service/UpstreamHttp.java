package org.callsign.idp.upstream.service;

import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.callsign.idp.config.IdpConfig;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchCache;
import org.callsign.wellknown.fetch.FetchException;
import org.callsign.wellknown.fetch.FetchPolicy;
import org.callsign.wellknown.fetch.FetchRequest;
import org.callsign.wellknown.fetch.FetchResult;
import org.callsign.wellknown.fetch.Fetcher;

/**
 * Every request to an upstream provider goes through the project's hardened {@link DefaultFetcher}: HTTPS to public
 * addresses only (loopback over plain HTTP only with {@code callsign.idp.upstream.allow-loopback}), size and time
 * caps, HTTP caching of metadata and keys. The token request never follows a redirect.
 */
@Singleton
public class UpstreamHttp {

    /** The largest metadata document, key set or token response read. */
    public static final long MAX_DOCUMENT_BYTES = 64 * 1024;

    private final Fetcher fetcher;

    public UpstreamHttp(IdpConfig config) {
        boolean loopback = config.upstream().allowLoopback();
        this.fetcher = new DefaultFetcher(FetchPolicy.builder()
                .maxBodyBytes(MAX_DOCUMENT_BYTES)
                .addressPolicy(loopback ? AddressPolicy.PUBLIC_AND_LOOPBACK : AddressPolicy.PUBLIC_ONLY)
                .plainHttpOnLoopback(loopback)
                .cache(new FetchCache())
                .build());
    }

    /** A JSON document by GET (cached as its headers allow). */
    public String getJson(URI uri, String what) {
        try {
            return fetcher.fetch(FetchRequest.get(uri).accept("application/json", "application/jwk-set+json"))
                    .text();
        } catch (FetchException e) {
            throw new UpstreamLoginException(
                    UpstreamError.PROVIDER_UNAVAILABLE, what + " could not be read: " + e.getMessage(), e);
        }
    }

    /** A form POST (the token request, RFC 6749 §4.1.3); any status is returned, none is followed. */
    public FetchResult postForm(URI uri, String form, String authorization) {
        FetchRequest request = FetchRequest.of("POST", uri, form.getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Authorization", authorization)
                .accept("application/json")
                .anyStatus();
        try {
            return fetcher.fetch(request);
        } catch (FetchException e) {
            throw new UpstreamLoginException(
                    UpstreamError.PROVIDER_UNAVAILABLE, "token endpoint could not be reached: " + e.getMessage(), e);
        }
    }
}
