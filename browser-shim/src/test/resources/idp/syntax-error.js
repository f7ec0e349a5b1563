rtcIdentityProvider.register({ generateAssertion() {, validateAssertion() {} });
