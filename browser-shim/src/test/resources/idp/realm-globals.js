// Exercises the realm's globals and reports what it saw.
rtcIdentityProvider.register({
    generateAssertion(contents, origin, options) {
        return {idp: {domain: location.host}, assertion: JSON.stringify({contents, origin, options})};
    },
    async validateAssertion(assertion, origin) {
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc'));
        const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
        const viewDigest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode('xxabcyy').subarray(2, 5));
        const viewHex = Array.from(new Uint8Array(viewDigest), (b) => b.toString(16).padStart(2, '0')).join('');
        const errorName = (f) => { try { f(); return 'no error'; } catch (e) { return e.name; } };
        const random = crypto.getRandomValues(new Uint8Array(16));
        const url = new URL('/path?x=1#f', 'https://idp-a.test:8443/base');
        const later = await new Promise((resolve) => setTimeout(() => resolve('timer fired'), 10));
        const report = {
            origin: location.origin,
            href: location.href,
            sha256: hex,
            btoa: btoa('hello'),
            atob: atob('aGVsbG8='),
            atobForgiving: atob(' aGVs\nbG8 '),
            atobError: errorName(() => atob('aGVsbG8$')),
            btoaError: errorName(() => btoa('\u0100')),
            sha256OfView: viewHex,
            randomLength: random.length,
            url: url.href,
            urlParam: url.searchParams.get('x'),
            text: new TextDecoder().decode(new TextEncoder().encode('héllo')),
            later,
            rtcError: new RTCError({errorDetail: 'idp-need-login'}, 'm').errorDetail,
            fromBase64Url: Array.from(Uint8Array.fromBase64('-_8', {alphabet: 'base64url'})).join(','),
            fromBase64Long: new TextDecoder().decode(Uint8Array.fromBase64('eyJzdWIiOiJhbGljZUBpZHAtYS50ZXN0In0')),
            fromBase64Error: errorName(() => Uint8Array.fromBase64('YQ', {lastChunkHandling: 'strict'})),
            toBase64: new TextEncoder().encode('héllo!').subarray(1).toBase64({alphabet: 'base64url', omitPadding: true})
        };
        return {identity: JSON.stringify(report), contents: assertion};
    }
});
