// Three ways a proxy asks for login: RTCError, a plain object, and Firefox's IdpLoginError.
rtcIdentityProvider.register({
    generateAssertion(contents, origin, options) {
        if (options.usernameHint === 'firefox') {
            const e = new Error('login');
            e.name = 'IdpLoginError';
            e.loginUrl = 'https://idp-a.test/login?firefox';
            return Promise.reject(e);
        }
        if (options.usernameHint === 'plain') {
            return Promise.reject({errorDetail: 'idp-need-login', idpLoginUrl: 'https://idp-a.test/login?plain', idpErrorInfo: 'session expired'});
        }
        return Promise.reject(new RTCError({errorDetail: 'idp-need-login', idpLoginUrl: 'https://idp-a.test/login?rtc'}, 'login'));
    },
    validateAssertion() { return Promise.reject(new RTCError({errorDetail: 'idp-token-expired'}, 'old')); }
});
