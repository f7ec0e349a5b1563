// Reports which host facilities are reachable; every one must be absent.
const probes = {
    Java: () => typeof Java,
    Polyglot: () => typeof Polyglot,
    Packages: () => typeof Packages,
    load: () => typeof load,
    print: () => typeof print,
    Graal: () => typeof Graal,
    host: () => typeof globalThis.__callsignHost,
    require: () => typeof require,
    process: () => typeof process,
    XMLHttpRequest: () => typeof XMLHttpRequest,
    importScripts: () => typeof importScripts,
    javaType: () => { try { return typeof Java.type('java.lang.System'); } catch (e) { return 'undefined'; } },
    polyglotEval: () => { try { return typeof Polyglot.eval('js', '1'); } catch (e) { return 'undefined'; } },
    constructorEscape: () => { try { return typeof (function () {}).constructor('return Java')(); } catch (e) { return 'undefined'; } }
};
rtcIdentityProvider.register({
    generateAssertion() { return {}; },
    validateAssertion() {
        const report = {};
        for (const name of Object.keys(probes)) report[name] = probes[name]();
        return {identity: JSON.stringify(report), contents: ''};
    }
});
