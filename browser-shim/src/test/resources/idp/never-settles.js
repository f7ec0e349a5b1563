rtcIdentityProvider.register({
    generateAssertion() { return new Promise(() => {}); },
    validateAssertion() { return new Promise((resolve) => setTimeout(resolve, 600000)); }
});
