const idp = {generateAssertion() {}, validateAssertion() {}};
rtcIdentityProvider.register(idp);
rtcIdentityProvider.register(idp);
