package org.callsign.idp.upstream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts {@link OidcProviderTesting} before the IdP and configures the IdP for it: the IdP on a port chosen up front
 * (the provider must know the redirect URIs), domain {@code localhost}, issuer {@code http://localhost:<port>},
 * cookies without {@code Secure} (plain HTTP), upstreams on loopback allowed, and two providers on the one real
 * provider, each with a client of its own:
 *
 * <ul>
 *   <li>{@code corp}: the e-mail rule for {@code corp.example}, creating accounts;
 *   <li>{@code partner}: no e-mail rule and no account creation; a fixed link of {@code sub} {@value #FIXED_SUBJECT}
 *       to the account {@value #FIXED_USERNAME}.
 * </ul>
 *
 * Without node or the package (outside CI) the IdP starts without providers, and the tests skip.
 */
public class UpstreamProviderResource implements QuarkusTestResourceLifecycleManager {

    /** The upstream subject that the {@code partner} provider's configuration links to {@link #FIXED_USERNAME}. */
    public static final String FIXED_SUBJECT = "partner-fixed";

    /** The account of the fixed link. */
    public static final String FIXED_USERNAME = "fixed-local";

    private OidcProviderTesting provider;

    @Override
    public Map<String, String> start() {
        int idpPort = OidcProviderTesting.freePort();
        String idp = "http://localhost:" + idpPort;
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.test-port", Integer.toString(idpPort));
        config.put("callsign.idp.domain", "localhost");
        config.put("callsign.idp.issuer", idp);
        config.put("callsign.idp.sessions.cookie-secure", "false");
        if (!OidcProviderTesting.installed()) {
            return config;
        }
        int port = OidcProviderTesting.freePort();
        String clients = "[" + client("corp", idp) + "," + client("partner", idp) + "]";
        try {
            provider = OidcProviderTesting.start(Path.of("target/oidc-provider").toAbsolutePath(), port, clients);
        } catch (Exception e) {
            throw new IllegalStateException("oidc-provider did not start", e);
        }
        config.put("callsign.idp.upstream.allow-loopback", "true");
        provider("corp", config);
        config.put("callsign.idp.upstream.providers.corp.display-name", "Corp");
        config.put("callsign.idp.upstream.providers.corp.mapping.email-domains", "corp.example");
        config.put("callsign.idp.upstream.providers.corp.mapping.create-accounts", "true");
        provider("partner", config);
        config.put("callsign.idp.upstream.providers.partner.mapping.links.\"" + FIXED_SUBJECT + "\"", FIXED_USERNAME);
        return config;
    }

    private void provider(String name, Map<String, String> config) {
        String prefix = "callsign.idp.upstream.providers." + name + ".";
        config.put(prefix + "issuer", provider.issuer().toString());
        config.put(prefix + "client-id", name + "-client");
        config.put(prefix + "client-secret", secret(name));
        config.put(prefix + "scopes", "openid,email,profile");
    }

    private static String client(String name, String idp) {
        return "{\"client_id\":\"" + name + "-client\",\"client_secret\":\"" + secret(name) + "\",\"redirect_uris\":[\""
                + idp + "/login/upstream/" + name + "/callback\"]}";
    }

    private static String secret(String name) {
        return "test-only-secret-of-" + name + "-0123456789abcdef";
    }

    @Override
    public void stop() {
        if (provider != null) {
            try {
                provider.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
