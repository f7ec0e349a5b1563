package org.callsign.idp.discovery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callsign.idp.account.service.Usernames;
import org.callsign.idp.account.store.Account;
import org.callsign.idp.account.store.AccountStore;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;
import org.callsign.idp.api.ErrorBody;
import org.callsign.idp.config.IdpConfig;
import org.callsign.idp.proxy.IdpProxyResource;
import org.callsign.wellknown.Authority;
import org.callsign.wellknown.UriRuleException;
import org.callsign.wellknown.webfinger.AcctUri;
import org.callsign.wellknown.webfinger.Jrd;
import org.callsign.wellknown.webfinger.JrdLink;

/**
 * WebFinger (RFC 7033) for the IdP's accounts: {@code acct:user@<domain>} (RFC 7565) answers a JRD whose links name
 * the user's IdP proxy, the OpenID issuer and, if the user set one, their signaling server ({@link WebFingerRels}).
 * {@code rel} parameters filter the links (§4.3). 400 for a missing or malformed resource, 404 for another domain or an
 * unknown user (§4.2); readable from any origin (§5).
 */
@Path(WebFingerResource.PATH)
public class WebFingerResource {

    /** Where WebFinger is served (RFC 7033 §10.1). */
    public static final String PATH = "/.well-known/webfinger";

    /** The JRD media type (RFC 7033 §10.2). */
    public static final String JRD = "application/jrd+json";

    /** Seconds a client may cache an answer; short, since a user may change their signaling server. */
    public static final int MAX_AGE_SECONDS = 60;

    private final AccountStore accounts;
    private final IdpConfig config;

    WebFingerResource(AccountStore accounts, IdpConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    @GET
    public Response lookup(@QueryParam("resource") String resource, @QueryParam("rel") List<String> rels) {
        if (resource == null || resource.isEmpty()) {
            return error(ApiError.INVALID_REQUEST, "resource is required");
        }
        AcctUri acct;
        try {
            acct = AcctUri.parse(resource);
        } catch (UriRuleException e) {
            return error(ApiError.INVALID_REQUEST, "resource must be acct:user@domain");
        }
        Optional<Account> account = find(acct);
        if (account.isEmpty()) {
            return error(ApiError.NOT_FOUND, "no such account on this IdP");
        }
        String subject = AcctUri.SCHEME + ":" + account.get().username() + "@" + config.domain();
        List<String> aliases = subject.equals(resource) ? List.of() : List.of(resource);
        Jrd jrd = new Jrd(subject, aliases, null, links(account.get())).onlyRels(rels == null ? List.of() : rels);
        return WellKnownResponses.open(Response.ok(jrd).type(JRD), MAX_AGE_SECONDS);
    }

    private Optional<Account> find(AcctUri acct) {
        Authority own;
        try {
            own = Authority.parse(config.domain());
        } catch (UriRuleException e) {
            return Optional.empty();
        }
        Optional<String> user = percentDecode(acct.user());
        if (!acct.host().equals(own) || user.isEmpty()) {
            return Optional.empty();
        }
        try {
            return accounts.find(Usernames.normalize(user.get()));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    private List<JrdLink> links(Account account) {
        String issuer = config.issuerUrl();
        List<JrdLink> links = new ArrayList<>();
        links.add(new JrdLink(
                WebFingerRels.IDP_PROXY,
                "text/javascript",
                issuer + IdpProxyResource.PATH + "/" + IdpProxyResource.DEFAULT_PROTOCOL,
                null,
                null,
                null));
        links.add(JrdLink.of(WebFingerRels.OPENID_ISSUER, issuer));
        if (account.signalingServer() != null) {
            links.add(JrdLink.of(WebFingerRels.SIGNALING_SERVER, account.signalingServer()));
        }
        return links;
    }

    /** The user part with its percent-encodings decoded as UTF-8 (RFC 7565 §7); empty if that is not UTF-8. */
    private static Optional<String> percentDecode(String user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(user.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(out.toByteArray()))
                    .toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Response error(ApiError error, String message) {
        return Response.status(error.status())
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(WellKnownResponses.ALLOW_ORIGIN, "*")
                .entity(new ErrorBody(error.code(), message))
                .build();
    }
}
