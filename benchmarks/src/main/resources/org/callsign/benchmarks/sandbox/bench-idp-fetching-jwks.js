// An IdP proxy for the sandbox benchmarks: assertions are ES256 JWS signed by the IdP (its /assert endpoint,
// unused here) and verified against the IdP's /jwks.json with crypto.subtle, as a real proxy would.
//
// Copied from browser-shim/src/test/resources/idp/test-idp.js: it fetches /jwks.json on every call. One
// change: the imported key is kept while the JWKS text is unchanged, instead of being imported again on
// every call, because a realm holds at most 64 imported keys and is reused for many calls, so the original
// stops validating at the 65th call in one realm.
(function () {
    let cachedJwks = null;
    let cachedKey = null;

    const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
        .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const unb64url = (text) => {
        const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
        return Uint8Array.from(s, (c) => c.charCodeAt(0));
    };

    async function generateAssertion(contents, origin, options) {
        const response = await fetch('/assert', {
            method: 'POST',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({contents, origin, usernameHint: options.usernameHint || null})
        });
        if (response.status === 401) {
            throw new RTCError({errorDetail: 'idp-need-login', idpLoginUrl: location.origin + '/login'}, 'log in first');
        }
        if (!response.ok) {
            throw new RTCError({errorDetail: 'idp-execution-failure', httpRequestStatusCode: response.status}, 'assert failed');
        }
        const body = await response.json();
        return {idp: {domain: location.host, protocol: options.protocol}, assertion: body.assertion};
    }

    async function validateAssertion(assertion, origin) {
        const parts = assertion.split('.');
        if (parts.length !== 3) {
            throw new RTCError({errorDetail: 'idp-token-invalid'}, 'not a compact JWS');
        }
        const jwks = await (await fetch('/jwks.json')).text();
        if (jwks !== cachedJwks) {
            cachedKey = await crypto.subtle.importKey('jwk', JSON.parse(jwks).keys[0], {name: 'ECDSA', namedCurve: 'P-256'}, false, ['verify']);
            cachedJwks = jwks;
        }
        const key = cachedKey;
        const ok = await crypto.subtle.verify({name: 'ECDSA', hash: 'SHA-256'}, key, unb64url(parts[2]),
            new TextEncoder().encode(parts[0] + '.' + parts[1]));
        if (!ok) {
            throw new RTCError({errorDetail: 'idp-token-invalid'}, 'bad signature');
        }
        const claims = JSON.parse(new TextDecoder().decode(unb64url(parts[1])));
        if (claims.exp * 1000 < Date.now()) {
            throw new RTCError({errorDetail: 'idp-token-expired'}, 'expired');
        }
        if (claims.aud !== origin) {
            throw new RTCError({errorDetail: 'idp-token-invalid'}, 'wrong audience');
        }
        return {identity: claims.sub, contents: claims.contents};
    }

    rtcIdentityProvider.register({generateAssertion, validateAssertion});
})();
