rtcIdentityProvider.register({
    generateAssertion() { return fetch('https://idp-b.test/steal').then(() => ({})); },
    async validateAssertion() {
        await fetch('https://10.0.0.1/latest/meta-data/');
        return {identity: 'never', contents: ''};
    }
});
