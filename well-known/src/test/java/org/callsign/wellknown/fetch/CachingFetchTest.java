package org.callsign.wellknown.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.callsign.wellknown.testing.LocalDomains;
import org.callsign.wellknown.testing.MutableClock;
import org.callsign.wellknown.testing.RecordedRequest;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestCa;
import org.callsign.wellknown.testing.TestHttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conditional caching (RFC 9111) against a real local HTTPS server. */
class CachingFetchTest {
    private static final URI DOC = URI.create("https://idp-a.test/.well-known/callsign");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private LocalDomains domains;
    private TestHttpsServer server;
    private DefaultFetcher fetcher;

    @BeforeEach
    void start() {
        domains = LocalDomains.start(TestCa.create("cache CA"), "idp-a.test");
        server = domains.server();
        fetcher = new DefaultFetcher(domains.policy()
                .cache(new FetchCache(16, 1 << 20, Duration.ofHours(1), clock))
                .build());
    }

    @AfterEach
    void stop() {
        domains.close();
    }

    /** Serves {@code body} with {@code etag}, answering 304 when the client already has that version. */
    private void serveVersioned(AtomicReference<String> etag, AtomicReference<String> body, String cacheControl) {
        server.route(
                DOC.getPath(),
                (RecordedRequest request) -> etag.get().equals(request.header("if-none-match"))
                        ? ScriptedResponse.status(304)
                                .header("ETag", etag.get())
                                .header("Cache-Control", cacheControl)
                        : ScriptedResponse.ok("application/json", body.get())
                                .header("ETag", etag.get())
                                .header("Cache-Control", cacheControl));
    }

    @Test
    void freshResponseIsServedWithoutARequest() throws Exception {
        serveVersioned(new AtomicReference<>("\"v1\""), new AtomicReference<>("{\"v\":1}"), "max-age=60");

        FetchResult first = fetcher.fetch(FetchRequest.get(DOC));
        clock.advance(Duration.ofSeconds(59));
        FetchResult second = fetcher.fetch(FetchRequest.get(DOC));

        assertEquals(CacheStatus.MISS, first.cacheStatus());
        assertEquals(CacheStatus.HIT, second.cacheStatus());
        assertEquals("{\"v\":1}", second.text());
        assertEquals(1, server.requestCount());
    }

    @Test
    void staleResponseIsRevalidatedWithItsEtag() throws Exception {
        AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
        AtomicReference<String> body = new AtomicReference<>("{\"v\":1}");
        serveVersioned(etag, body, "max-age=60");

        fetcher.fetch(FetchRequest.get(DOC));
        clock.advance(Duration.ofSeconds(61));
        FetchResult revalidated = fetcher.fetch(FetchRequest.get(DOC));
        FetchResult hitAgain = fetcher.fetch(FetchRequest.get(DOC));

        assertEquals(CacheStatus.REVALIDATED, revalidated.cacheStatus());
        assertEquals("{\"v\":1}", revalidated.text());
        assertEquals(CacheStatus.HIT, hitAgain.cacheStatus());
        assertNull(server.takeRequest().header("if-none-match"));
        assertEquals("\"v1\"", server.takeRequest().header("if-none-match"));
        assertEquals(2, server.requestCount());

        etag.set("\"v2\"");
        body.set("{\"v\":2}");
        clock.advance(Duration.ofSeconds(61));
        FetchResult changed = fetcher.fetch(FetchRequest.get(DOC));
        assertEquals(CacheStatus.MISS, changed.cacheStatus());
        assertEquals("{\"v\":2}", changed.text());
    }

    @Test
    void noCacheIsRevalidatedEveryTime() throws Exception {
        serveVersioned(new AtomicReference<>("\"v1\""), new AtomicReference<>("{}"), "no-cache");

        fetcher.fetch(FetchRequest.get(DOC));
        FetchResult second = fetcher.fetch(FetchRequest.get(DOC));

        assertEquals(CacheStatus.REVALIDATED, second.cacheStatus());
        assertEquals(2, server.requestCount());
    }

    @Test
    void noStoreIsNeverCached() throws Exception {
        serveVersioned(new AtomicReference<>("\"v1\""), new AtomicReference<>("{}"), "no-store, max-age=600");

        fetcher.fetch(FetchRequest.get(DOC));
        FetchResult second = fetcher.fetch(FetchRequest.get(DOC));

        assertEquals(CacheStatus.MISS, second.cacheStatus());
        assertNull(server.requests().get(1).header("if-none-match"));
    }

    @Test
    void serverFreshnessIsCappedByTheCache() throws Exception {
        serveVersioned(new AtomicReference<>("\"v1\""), new AtomicReference<>("{}"), "max-age=31536000");

        fetcher.fetch(FetchRequest.get(DOC));
        clock.advance(Duration.ofMinutes(61));
        FetchResult later = fetcher.fetch(FetchRequest.get(DOC));

        assertEquals(CacheStatus.REVALIDATED, later.cacheStatus());
    }

    @Test
    void requestCanBypassTheCache() throws Exception {
        serveVersioned(new AtomicReference<>("\"v1\""), new AtomicReference<>("{}"), "max-age=60");

        fetcher.fetch(FetchRequest.get(DOC));
        FetchResult bypass = fetcher.fetch(FetchRequest.get(DOC).noCache());

        assertEquals(CacheStatus.MISS, bypass.cacheStatus());
        assertEquals(2, server.requestCount());
    }
}
