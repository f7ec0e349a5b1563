package org.callsign.signaling.discovery.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.federation.service.LocalServer;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchCache;
import org.callsign.wellknown.fetch.Fetcher;
import org.callsign.wellknown.testing.LocalDomains;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestCa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery's order and failures (docs/federation.md, "Discovery") against a scripted HTTPS server for
 * {@code idp-x.test} and {@code sig-x.test}, with the DNS SRV fallback scripted too.
 */
class DiscoveryTest {

    private static final String SIG = "https://sig-x.test";
    private static final String DOCUMENT = "{\"server\":\"%s\",\"protocols\":[\"callsign.v1\"],"
            + "\"websocket\":\"wss://sig-x.test/ws\",\"federation\":{\"endpoint\":\"%s/federation/v1\","
            + "\"keys\":{\"keys\":[]}}}";

    private LocalDomains domains;
    private Fetcher fetcher;
    private ServiceRecords records = domain -> Optional.empty();

    @BeforeEach
    void start() {
        domains = LocalDomains.start(TestCa.create("discovery test CA"), "idp-x.test", "sig-x.test");
        InetSocketAddress target = new InetSocketAddress(
                InetAddress.getLoopbackAddress(), domains.server().port());
        fetcher = new DefaultFetcher(domains.policy()
                .connectTo("sig-x.test", 8443, target)
                .cache(new FetchCache())
                .build());
        domains.server().route("/.well-known/callsign", document(SIG));
    }

    @AfterEach
    void stop() {
        domains.close();
    }

    @Test
    void webFingerNamesTheServerAndItsDocumentConfirmsIt() throws DiscoveryException {
        webFinger("{\"subject\":\"acct:per@idp-x.test\",\"links\":[{\"rel\":\"urn:callsign:rel:signaling-server\","
                + "\"href\":\"https://SIG-X.test:443/\"}]}");
        DiscoveredServer found = discovery().discover("per@idp-x.test");
        assertEquals(SIG, found.server());
        assertEquals(DiscoveredServer.WEBFINGER, found.via());
        assertEquals(
                SIG + "/federation/v1",
                found.document().federation().orElseThrow().endpoint());
    }

    @Test
    void anSrvRecordServesWhenTheDomainHasNoWebFinger() throws DiscoveryException {
        records = domain -> {
            assertEquals("idp-x.test", domain);
            return Optional.of("https://sig-x.test:8443");
        };
        domains.server().route("/.well-known/callsign", document("https://sig-x.test:8443"));
        DiscoveredServer found = discovery().discover("per@idp-x.test");
        assertEquals("https://sig-x.test:8443", found.server());
        assertEquals(DiscoveredServer.DNS_SRV, found.via());
    }

    @Test
    void noAccountAndNoSrvRecordIsNoSuchUser() {
        assertFailure(DiscoveryFailure.NO_SUCH_USER);
    }

    @Test
    void anAccountWithoutLinkAndNoSrvRecordIsNoSignalingServer() {
        webFinger("{\"subject\":\"acct:per@idp-x.test\",\"links\":[]}");
        assertFailure(DiscoveryFailure.NO_SIGNALING_SERVER);
    }

    @Test
    void anSrvRecordSayingNoServiceIsNoSignalingServer() {
        records = domain -> {
            throw new DiscoveryException(DiscoveryFailure.NO_SIGNALING_SERVER, "no service");
        };
        assertFailure(DiscoveryFailure.NO_SIGNALING_SERVER);
    }

    @Test
    void aLinkThatIsNotAnHttpsOriginIsABadDocument() {
        webFinger("{\"subject\":\"acct:per@idp-x.test\",\"links\":[{\"rel\":\"urn:callsign:rel:signaling-server\","
                + "\"href\":\"http://sig-x.test/signal\"}]}");
        assertFailure(DiscoveryFailure.BAD_DOCUMENT);
    }

    @Test
    void aDocumentNamingAnotherServerIsABadDocument() {
        webFinger("{\"subject\":\"acct:per@idp-x.test\",\"links\":[{\"rel\":\"urn:callsign:rel:signaling-server\","
                + "\"href\":\"https://sig-x.test\"}]}");
        domains.server().route("/.well-known/callsign", document("https://elsewhere.test"));
        DiscoveryException e = assertFailure(DiscoveryFailure.BAD_DOCUMENT);
        assertTrue(e.getMessage().contains("names another server"), e.getMessage());
    }

    @Test
    void aDocumentWhoseEndpointIsElsewhereIsABadDocument() {
        webFinger("{\"subject\":\"acct:per@idp-x.test\",\"links\":[{\"rel\":\"urn:callsign:rel:signaling-server\","
                + "\"href\":\"https://sig-x.test\"}]}");
        domains.server()
                .route(
                        "/.well-known/callsign",
                        ScriptedResponse.ok(
                                "application/json",
                                "{\"server\":\"https://sig-x.test\",\"federation\":{\"endpoint\":"
                                        + "\"https://elsewhere.test/federation/v1\",\"keys\":{\"keys\":[]}}}"));
        assertFailure(DiscoveryFailure.BAD_DOCUMENT);
    }

    @Test
    void anUnreachableServerIsServerUnreachable() {
        webFinger("{\"subject\":\"acct:per@idp-x.test\",\"links\":[{\"rel\":\"urn:callsign:rel:signaling-server\","
                + "\"href\":\"https://nowhere.test\"}]}");
        assertFailure(DiscoveryFailure.SERVER_UNREACHABLE);
    }

    private DiscoveryException assertFailure(DiscoveryFailure expected) {
        DiscoveryException e =
                assertThrows(DiscoveryException.class, () -> discovery().discover("per@idp-x.test"));
        assertEquals(expected, e.failure(), e.getMessage());
        return e;
    }

    private void webFinger(String jrd) {
        domains.server().route("/.well-known/webfinger", ScriptedResponse.ok("application/jrd+json", jrd));
    }

    private static ScriptedResponse document(String origin) {
        return ScriptedResponse.ok("application/json", DOCUMENT.formatted(origin, origin));
    }

    private Discovery discovery() {
        return new Discovery(fetcher, records, new ServerDocuments(fetcher), new LocalServer(config()));
    }

    private static SignalingConfig config() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(SignalingConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withDefaultValue("callsign.signaling.public-url", "https://sig-home.test")
                .build();
        return config.getConfigMapping(SignalingConfig.class);
    }
}
