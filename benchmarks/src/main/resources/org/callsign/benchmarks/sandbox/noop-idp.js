// An IdP proxy that checks nothing: validateAssertion resolves at once with a fixed identity. It measures
// the sandbox's fixed cost per call (script from the cache, realm lookup, watchdog, entering the context,
// settling the promise, copying the result out), not an IdP.
rtcIdentityProvider.register({
    async generateAssertion() {
        throw new RTCError({errorDetail: 'idp-execution-failure'}, 'this proxy only validates');
    },
    async validateAssertion(assertion, origin) {
        return {identity: 'alice@idp-a.test', contents: '{"fingerprint":[]}'};
    }
});
