// The identity layer for browsers with native WebRTC identity (Firefox: W3C webrtc-identity, RFC 8827), with the same
// methods as identity.js's RTCIdentity, so that a call uses the browser's own IdP sandbox where there is one. The
// browser asserts for the page's origin (this server) whatever origin is asked for, adds a=identity to its offers and
// answers itself, validates a remote description's a=identity when it is applied, without giving the IdP a relying
// origin, and reports the result in pc.peerIdentity. Its errors are named IdpError and IdpLoginError (not RTCError);
// they become IdentityErrors here, with pc.idpLoginUrl for a sign-in.
import {IdentityError} from './identity.js';
import {identityValue, withIdentity} from './sdp.js';

const PEER_IDENTITY_MS = 15000;

/** Whether this browser implements WebRTC identity itself. */
export function hasNativeIdentity() {
    return typeof RTCPeerConnection !== 'undefined'
        && typeof RTCPeerConnection.prototype.setIdentityProvider === 'function'
        && 'peerIdentity' in RTCPeerConnection.prototype;
}

export class NativeIdentity {
    /** For the connection pc, whose descriptions the browser asserts and validates. */
    constructor(pc) {
        this.pc = pc;
        this.target = null;
        this.verified = null;
        this.asserted = null;
        this.appliesRemote = true;
    }

    /** The relying origin is not ours to choose: the browser asserts for this page's origin. */
    setIdentityProvider(domain, {protocol = 'default', usernameHint, peerIdentity} = {}) {
        const options = {protocol};
        if (usernameHint) {
            options.usernameHint = usernameHint;
        }
        this.pc.setIdentityProvider(domain, options);
        this.target = peerIdentity || null;
    }

    /** Asks the IdP now, so that a sign-in it needs shows before the offer or answer is made. */
    async ready() {
        try {
            await this.pc.getIdentityAssertion();
        } catch (error) {
            throw this.translate(error);
        }
    }

    /** Keeps the a=identity the browser put into the description it created. */
    described(sdp) {
        this.asserted = identityValue(sdp);
    }

    /**
     * The local description with the browser's a=identity: the description after ICE gathering may come without the
     * line that createOffer or createAnswer put in, so it is carried over.
     */
    async getIdentityAssertion(sdp) {
        if (identityValue(sdp) !== null) {
            return sdp;
        }
        if (this.asserted === null) {
            throw new IdentityError('idp-execution-failure', 'the browser made no a=identity');
        }
        return withIdentity(sdp, this.asserted);
    }

    /**
     * Applies the remote description of type, which the browser validates, and resolves with {name, idp, protocol}
     * from pc.peerIdentity. The origins are those an assertion may be for (see identity.js); the browser gives the IdP
     * none, so it cannot check them (docs/interop.md).
     */
    async verifyRemote(sdp, origins, type) {
        if (identityValue(sdp) === null) {
            throw new IdentityError('identity-missing', 'the other side sent no a=identity');
        }
        try {
            await this.pc.setRemoteDescription({type, sdp});
            const asserted = await within(this.pc.peerIdentity, PEER_IDENTITY_MS);
            const expected = this.verified ? this.verified.name : this.target;
            if (expected && expected.toLowerCase() !== asserted.name.toLowerCase()) {
                throw new IdentityError('peer-identity-mismatch', 'expected ' + expected + ', got ' + asserted.name);
            }
            this.verified = this.verified || {name: asserted.name, idp: asserted.idp, protocol: 'default'};
            return this.verified;
        } catch (error) {
            throw this.translate(error);
        }
    }

    translate(error) {
        if (error instanceof IdentityError) {
            return error;
        }
        const name = String(error && error.name);
        const message = String(error && error.message || name).slice(0, 300);
        if (name === 'IdpLoginError') {
            return new IdentityError('idp-need-login', message, {idpLoginUrl: this.pc.idpLoginUrl});
        }
        if (name === 'pending') {
            return new IdentityError('idp-timeout', message);
        }
        return new IdentityError(name === 'IdpError' ? 'idp-execution-failure' : 'idp-token-invalid',
            'the browser refused the identity (' + name + ': ' + message + ')');
    }
}

function within(promise, ms) {
    return Promise.race([promise, new Promise((resolve, reject) => setTimeout(
        () => reject({name: 'pending', message: 'the browser did not settle the peer identity within ' + ms / 1000
            + ' s'}), ms))]);
}
