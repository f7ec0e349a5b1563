// An IdP proxy for the sandbox benchmarks: assertions are ES256 JWS signed by the IdP (its /assert endpoint,
// unused here) and verified against the IdP's /jwks.json with crypto.subtle, as a real proxy would.
//
// Made from browser-shim/src/test/resources/idp/test-idp.js, which fetches and imports the key on every
// call (bench-idp-fetching-jwks.js keeps that). Here the key is fetched and imported on the first call in
// a realm and kept for the realm's life, so a warm call touches no network.
(function () {
    let key = null;

    const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
        .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    // As Callsign's own proxy decodes: with Uint8Array.fromBase64 (ECMAScript 2026) where the realm has it.
    const unb64url = (text) => {
        if (typeof Uint8Array.fromBase64 === 'function') {
            return Uint8Array.fromBase64(text, {alphabet: 'base64url'});
        }
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
        if (key === null) {
            const jwks = await (await fetch('/jwks.json')).json();
            key = await crypto.subtle.importKey('jwk', jwks.keys[0], {name: 'ECDSA', namedCurve: 'P-256'}, false, ['verify']);
        }
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
