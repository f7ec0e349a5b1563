setTimeout(() => rtcIdentityProvider.register({generateAssertion() {}, validateAssertion() {}}), 0);
