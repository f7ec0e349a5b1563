// What FirefoxIdentityIT asks Firefox to do, through its native W3C webrtc-identity API (setIdentityProvider,
// getIdentityAssertion, peerIdentity, idpLoginUrl). Each function resolves to a JSON string; an error is reported
// by its name (Firefox: IdpError, IdpLoginError, InvalidSessionDescriptionError, ...), never thrown.
(function () {
    'use strict';

    const PEER_IDENTITY_WAIT_MS = 5000;
    const failure = (e) => ({error: String(e && e.name), message: String(e && e.message)});
    const within = (promise, ms) => Promise.race([
        promise,
        new Promise((resolve, reject) => setTimeout(() => reject({name: 'pending', message: 'not settled'}), ms))
    ]);
    let login = null;

    // Firefox as the authenticating party: an offer with a data channel and Firefox's own a=identity from `idp`.
    async function offer(idp) {
        const pc = new RTCPeerConnection();
        try {
            pc.setIdentityProvider(idp, {protocol: 'default'});
            pc.createDataChannel('callsign');
            const description = await pc.createOffer();
            return {sdp: description.sdp};
        } catch (e) {
            return Object.assign(failure(e), {idpLoginUrl: pc.idpLoginUrl});
        } finally {
            pc.close();
        }
    }

    // Firefox as the relying party: `sdp` as a remote offer, under a target peerIdentity if one is given.
    async function receive(sdp, target) {
        const pc = new RTCPeerConnection(target ? {peerIdentity: target} : {});
        const outcome = {};
        const identity = pc.peerIdentity;
        try {
            await pc.setRemoteDescription({type: 'offer', sdp});
            outcome.remote = 'accepted';
        } catch (e) {
            outcome.remote = failure(e);
        }
        try {
            const asserted = await within(identity, PEER_IDENTITY_WAIT_MS);
            outcome.peerIdentity = {idp: asserted.idp, name: asserted.name};
        } catch (e) {
            outcome.peerIdentity = failure(e);
        }
        pc.close();
        return outcome;
    }

    // The login flow (W3C webrtc-identity §7.2): an assertion that needs a login, the IdP's page opened at
    // pc.idpLoginUrl; finishLogin() waits for that page's message and asks again.
    async function startLogin(idp) {
        const pc = new RTCPeerConnection();
        pc.setIdentityProvider(idp, {protocol: 'default'});
        let first;
        try {
            await pc.getIdentityAssertion();
            first = {assertion: true};
        } catch (e) {
            first = Object.assign(failure(e), {idpLoginUrl: pc.idpLoginUrl});
        }
        if (!pc.idpLoginUrl) {
            pc.close();
            return first;
        }
        const message = new Promise((resolve) => {
            window.addEventListener('message', function done(event) {
                if (event.data === 'WEBRTC-LOGINDONE') {
                    window.removeEventListener('message', done);
                    resolve(event.origin);
                }
            });
        });
        const window_ = window.open(pc.idpLoginUrl, 'idp-login');
        login = {pc, message, window_};
        return Object.assign(first, {opened: window_ !== null});
    }

    async function finishLogin() {
        const {pc, message, window_} = login;
        login = null;
        try {
            const origin = await within(message, PEER_IDENTITY_WAIT_MS);
            window_.close();
            const assertion = await pc.getIdentityAssertion();
            return {messageFrom: origin, assertion: JSON.parse(atob(assertion))};
        } catch (e) {
            return failure(e);
        } finally {
            pc.close();
        }
    }

    const json = (f) => async (...args) => JSON.stringify(await f(...args));
    window.callsign = {
        offer: json(offer),
        receive: json(receive),
        startLogin: json(startLogin),
        finishLogin: json(finishLogin)
    };
})();
