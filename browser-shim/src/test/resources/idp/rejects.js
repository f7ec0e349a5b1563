rtcIdentityProvider.register({
    generateAssertion() {
        return Promise.reject(new Error('nope\u0000\n' + 'x'.repeat(5000)));
    },
    validateAssertion() {
        throw new TypeError('thrown synchronously');
    }
});
