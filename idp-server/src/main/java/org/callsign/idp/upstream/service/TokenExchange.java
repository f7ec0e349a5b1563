package org.callsign.idp.upstream.service;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import jakarta.inject.Singleton;
import java.net.URI;
import org.callsign.wellknown.fetch.FetchResult;

/**
 * Redeems an authorization code at the provider's token endpoint (RFC 6749 §4.1.3, OpenID Connect Core 1.0 §3.1.3)
 * with the PKCE code verifier (RFC 7636 §4.5) and {@code client_secret_basic}, and returns the ID token. The request
 * is built and the response parsed by Nimbus {@code oauth2-oidc-sdk}; it is sent through {@link UpstreamHttp}.
 */
@Singleton
public class TokenExchange {

    private final UpstreamHttp http;

    public TokenExchange(UpstreamHttp http) {
        this.http = http;
    }

    /** The ID token for {@code code}; {@link UpstreamError#CODE_REJECTED} if the provider refuses the code. */
    public JWT redeem(DiscoveredProvider provider, String code, CodeVerifier verifier, URI redirectUri) {
        TokenRequest request = new TokenRequest(
                provider.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(
                        provider.clientId(), new Secret(provider.config().clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, verifier));
        HTTPRequest form = request.toHTTPRequest();
        FetchResult answer = http.postForm(form.getURI(), form.getBody(), form.getAuthorization());
        HTTPResponse response = new HTTPResponse(answer.status());
        try {
            if (answer.header("Content-Type") != null) {
                response.setContentType(answer.header("Content-Type"));
            }
            response.setBody(answer.text());
            TokenResponse parsed = OIDCTokenResponseParser.parse(response);
            if (!parsed.indicatesSuccess()) {
                TokenErrorResponse error = parsed.toErrorResponse();
                String errorCode = error.getErrorObject() == null
                        ? "error"
                        : error.getErrorObject().getCode();
                throw new UpstreamLoginException(
                        UpstreamError.CODE_REJECTED, "token endpoint refused the code: " + errorCode);
            }
            JWT idToken = parsed instanceof OIDCTokenResponse oidc
                    ? oidc.getOIDCTokens().getIDToken()
                    : null;
            if (idToken == null) {
                throw new UpstreamLoginException(UpstreamError.TOKEN_INVALID, "token response has no ID token");
            }
            return idToken;
        } catch (ParseException e) {
            throw new UpstreamLoginException(
                    UpstreamError.PROVIDER_UNAVAILABLE, "token response is not valid: " + e.getMessage());
        }
    }
}
