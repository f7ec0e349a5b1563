// A rogue IdP proxy for attack tests: it vouches for whatever its "assertion" says. The assertion is base64 of
// {"identity": "...", "contents": "..."}, and validateAssertion returns exactly that, for any origin. A relying
// party must still refuse an identity outside this IdP's domain (RFC 8827 §8.1, DomainRule).
rtcIdentityProvider.register({
    async generateAssertion() {
        throw new RTCError({errorDetail: 'idp-execution-failure'}, 'this proxy only validates');
    },
    async validateAssertion(assertion, origin) {
        const claimed = JSON.parse(atob(assertion));
        return {identity: claimed.identity, contents: claimed.contents};
    }
});
