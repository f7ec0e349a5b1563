rtcIdentityProvider.register({
    generateAssertion() { return {}; },
    validateAssertion() {
        const hoard = [];
        for (;;) {
            hoard.push(new Array(65536).fill(hoard.length));
        }
    }
});
