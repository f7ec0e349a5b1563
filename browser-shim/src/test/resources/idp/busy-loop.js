rtcIdentityProvider.register({
    generateAssertion() { for (;;) {} },
    validateAssertion() { let i = 0; for (;;) { i++; } }
});
