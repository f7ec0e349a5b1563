// Callsign IdP proxy, protocol "default" (RFC 8827 §7, W3C webrtc-identity §5).
// Runs in the IdP's realm (a browser's IdP sandbox or browser-shim's) with standard APIs only: fetch to its own
// origin, crypto.subtle, TextEncoder/TextDecoder, atob, URL, and RTCError where the realm has it (Firefox's IdP
// sandbox does not). The IdP serves this file with ISSUER filled in.
(function () {
    'use strict';

    const ISSUER = '__CALLSIGN_ISSUER__';
    const PROTOCOL = 'default';
    const ASSERTION_PATH = '/api/assertions';
    const VALIDATION_PATH = '/api/assertions/validation';
    const JWKS_PATH = '/.well-known/jwks.json';
    const JWKS_TTL_MS = 300 * 1000;
    const CLOCK_SKEW_SECONDS = 60;
    const MAX_ASSERTION_CHARS = 8192;
    const NO_ORIGIN = 'undefined';
    const ALGORITHMS = {
        ES256: {kty: 'EC', crv: 'P-256', importAs: {name: 'ECDSA', namedCurve: 'P-256'}, verifyAs: {name: 'ECDSA', hash: 'SHA-256'}},
        EdDSA: {kty: 'OKP', crv: 'Ed25519', importAs: {name: 'Ed25519'}, verifyAs: {name: 'Ed25519'}}
    };

    let jwks = null; // {keys, fetchedAt}
    const imported = new Map(); // kid -> {material, key}: keys imported for crypto.subtle, reused while unchanged

    // An RTCError (W3C webrtc-identity §9.6) where the realm defines one. Firefox's IdP sandbox does not: it reads
    // a rejection's `name` ("IdpLoginError" with `loginUrl`, anything else an IdpError) and `message` from a plain
    // object, since its wrappers hide the own properties of an Error made in the sandbox.
    function idpError(init, message) {
        if (typeof RTCError === 'function') {
            return new RTCError(init, message);
        }
        const login = init.errorDetail === 'idp-need-login';
        const error = {name: login ? 'IdpLoginError' : 'IdpError', message, errorDetail: init.errorDetail};
        if (login) {
            error.loginUrl = init.idpLoginUrl;
        }
        return error;
    }

    const invalid = (message) => idpError({errorDetail: 'idp-token-invalid'}, message);
    const expired = (message) => idpError({errorDetail: 'idp-token-expired'}, message);

    function base64UrlBytes(text) {
        if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
            throw invalid('assertion is not base64url');
        }
        if (typeof Uint8Array.fromBase64 === 'function') {
            // ECMAScript 2026, in today's browsers and browser-shim's realm: no loop over the characters here.
            return Uint8Array.fromBase64(text, {alphabet: 'base64url'});
        }
        const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
        const binary = atob(b64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) {
            bytes[i] = binary.charCodeAt(i);
        }
        return bytes;
    }

    function jsonPart(text, what) {
        let value;
        try {
            value = JSON.parse(new TextDecoder().decode(base64UrlBytes(text)));
        } catch (e) {
            throw invalid(what + ' is not base64url JSON');
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw invalid(what + ' is not a JSON object');
        }
        return value;
    }

    function originOf(value) {
        try {
            return new URL(String(value)).origin;
        } catch (e) {
            throw invalid('relying origin is not a URL');
        }
    }

    async function loadKeys() {
        const response = await fetch(location.origin + JWKS_PATH, {credentials: 'omit', headers: {Accept: 'application/json'}});
        if (!response.ok) {
            throw idpError({errorDetail: 'idp-execution-failure', httpRequestStatusCode: response.status},
                'JWKS request failed');
        }
        const body = await response.json();
        if (!body || !Array.isArray(body.keys)) {
            throw idpError({errorDetail: 'idp-execution-failure'}, 'JWKS has no keys');
        }
        jwks = {keys: body.keys, fetchedAt: Date.now()};
        return jwks.keys;
    }

    // The published key with this kid; a kid not in a cached set refetches once (the IdP may have rotated).
    async function keyFor(kid) {
        const fresh = jwks !== null && Date.now() - jwks.fetchedAt < JWKS_TTL_MS;
        let keys = fresh ? jwks.keys : await loadKeys();
        let key = keys.find((k) => k && k.kid === kid);
        if (!key && fresh) {
            keys = await loadKeys();
            key = keys.find((k) => k && k.kid === kid);
        }
        return key || null;
    }

    async function generateAssertion(contents, origin, options) {
        const response = await fetch(location.origin + ASSERTION_PATH, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', Accept: 'application/json', 'X-Callsign-Csrf': '1'},
            body: JSON.stringify({contents, origin})
        });
        let body = null;
        try {
            body = await response.json();
        } catch (e) {
            body = null;
        }
        const error = body && typeof body.error === 'string' ? body.error : null;
        if (response.status === 401 || (response.status === 403 && error === 'consent-required')) {
            const page = body && typeof body.loginUrl === 'string' ? body.loginUrl : '/login';
            throw idpError({errorDetail: 'idp-need-login', idpLoginUrl: new URL(page, location.origin).href},
                error === 'consent-required' ? 'allow this origin at the IdP' : 'log in at the IdP');
        }
        if (!response.ok || !body || typeof body.assertion !== 'string') {
            throw idpError({errorDetail: 'idp-execution-failure', httpRequestStatusCode: response.status,
                idpErrorInfo: error || undefined}, 'the IdP did not issue an assertion');
        }
        return {idp: {domain: location.host, protocol: PROTOCOL}, assertion: body.assertion};
    }

    // The CryptoKey of a published key, imported once per key material (a kid whose key changed is imported anew).
    async function importedKey(kid, publicJwk, algorithm) {
        const material = JSON.stringify(publicJwk);
        const known = imported.get(kid);
        if (known && known.material === material) {
            return known.key;
        }
        const key = await crypto.subtle.importKey('jwk', publicJwk, algorithm.importAs, false, ['verify']);
        if (imported.size >= 16) {
            imported.clear();
        }
        imported.set(kid, {material, key});
        return key;
    }

    // The claims of a JWS signed by a key of the JWKS, checked here with WebCrypto.
    async function verifiedLocally(parts) {
        const header = jsonPart(parts[0], 'JWS header');
        const algorithm = Object.prototype.hasOwnProperty.call(ALGORITHMS, header.alg) ? ALGORITHMS[header.alg] : null;
        if (algorithm === null) {
            throw invalid('unsupported alg');
        }
        if (header.crit !== undefined) {
            throw invalid('unsupported crit header');
        }
        if (typeof header.kid !== 'string') {
            throw invalid('JWS header has no kid');
        }
        const jwk = await keyFor(header.kid);
        if (jwk === null) {
            throw invalid('unknown kid');
        }
        if (jwk.kty !== algorithm.kty || jwk.crv !== algorithm.crv || (jwk.alg !== undefined && jwk.alg !== header.alg)) {
            throw invalid('alg does not match the key');
        }
        const publicJwk = algorithm.kty === 'EC'
            ? {kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y}
            : {kty: jwk.kty, crv: jwk.crv, x: jwk.x};
        const signature = base64UrlBytes(parts[2]);
        if (signature.length !== 64) {
            throw invalid('signature has the wrong length');
        }
        const key = await importedKey(header.kid, publicJwk, algorithm);
        const signed = new TextEncoder().encode(parts[0] + '.' + parts[1]);
        if (!(await crypto.subtle.verify(algorithm.verifyAs, key, signature, signed))) {
            throw invalid('signature does not verify');
        }
        return jsonPart(parts[1], 'JWS payload');
    }

    // The claims of a JWS signed by this IdP, checked by the IdP: where the realm has no crypto.subtle (Firefox's IdP
    // sandbox), RFC 8827 §7.6 lets the proxy ask its IdP. The claims are then checked as after a local check.
    async function verifiedByIdp(assertion) {
        const response = await fetch(location.origin + VALIDATION_PATH, {
            method: 'POST',
            credentials: 'omit',
            headers: {'Content-Type': 'application/json', Accept: 'application/json'},
            body: JSON.stringify({assertion})
        });
        if (response.status === 400) {
            throw invalid('signature does not verify');
        }
        const claims = response.ok ? await response.json() : null;
        if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) {
            throw idpError({errorDetail: 'idp-execution-failure', httpRequestStatusCode: response.status},
                'the IdP did not check the assertion');
        }
        return claims;
    }

    async function validateAssertion(assertion, origin) {
        if (typeof assertion !== 'string' || assertion.length > MAX_ASSERTION_CHARS) {
            throw invalid('assertion is not a string of a sensible size');
        }
        // Firefox (ESR 153) calls validateAssertion without the relying origin (its setRemoteDescription passes none,
        // which reaches this realm as the string "undefined"). The audience cannot be checked then; the browser's own
        // check that the assertion covers every fingerprint is what binds it to the call. A real origin must be the
        // audience.
        const audience = origin === undefined || origin === NO_ORIGIN ? undefined : originOf(origin);
        const parts = assertion.split('.');
        if (parts.length !== 3) {
            throw invalid('assertion is not a compact JWS');
        }
        const claims = typeof crypto === 'object' && crypto !== null && crypto.subtle
            ? await verifiedLocally(parts)
            : await verifiedByIdp(assertion);
        if (claims.iss !== ISSUER) {
            throw invalid('wrong issuer');
        }
        if (audience !== undefined && claims.aud !== audience) {
            throw invalid('assertion is for another origin');
        }
        if (typeof claims.sub !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(claims.sub)) {
            throw invalid('sub is not user@domain');
        }
        if (typeof claims.contents !== 'string') {
            throw invalid('assertion has no contents');
        }
        if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || typeof claims.jti !== 'string') {
            throw invalid('assertion lacks exp, iat or jti');
        }
        const now = Date.now() / 1000;
        if (claims.iat > now + CLOCK_SKEW_SECONDS) {
            throw invalid('assertion is issued in the future');
        }
        if (claims.exp <= now - CLOCK_SKEW_SECONDS) {
            throw expired('assertion has expired');
        }
        return {identity: claims.sub, contents: claims.contents};
    }

    rtcIdentityProvider.register({generateAssertion, validateAssertion});
})();
