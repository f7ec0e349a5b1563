// The identity layer for browsers without WebRTC identity: the W3C "Identity for WebRTC" shape (setIdentityProvider,
// getIdentityAssertion, peerIdentity) over an IdP proxy frame, a sandboxed iframe at the IdP's origin that runs the
// IdP's own proxy script and answers postMessage requests (idp-server's /proxy-frame/<protocol>). Every message is
// checked: only the frame's window at the IdP's origin is listened to, and requests go to that origin only.
import {fingerprints, identityValue, withIdentity} from './sdp.js';

const TIMEOUT_MS = 15000;
const frames = new Map();

/** A failed identity step, with the W3C RTCErrorDetailType (idp-*) or a project code. */
export class IdentityError extends Error {
    constructor(code, message, details = {}) {
        super(message);
        this.name = 'IdentityError';
        this.code = code;
        this.idpLoginUrl = details.idpLoginUrl;
        this.httpRequestStatusCode = details.httpRequestStatusCode;
        this.idpErrorInfo = details.idpErrorInfo;
    }
}

function checkDomain(domain) {
    if (typeof domain !== 'string' || !/^[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(domain)) {
        throw new IdentityError('identity-malformed', 'the IdP domain is not host[:port]: ' + String(domain).slice(0, 80));
    }
    return domain.toLowerCase();
}

function checkProtocol(protocol) {
    if (typeof protocol !== 'string' || protocol.length === 0 || /[/\\%]/.test(protocol)) {
        throw new IdentityError('identity-malformed', 'the IdP protocol is not a single path segment');
    }
    return protocol;
}

class IdpFrame {
    constructor(domain, protocol) {
        this.origin = 'https://' + domain;
        this.pending = new Map();
        this.next = 1;
        this.iframe = document.createElement('iframe');
        this.iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin');
        this.iframe.setAttribute('title', 'identity provider ' + domain);
        this.iframe.setAttribute('aria-hidden', 'true');
        this.iframe.hidden = true;
        this.iframe.src = this.origin + '/proxy-frame/' + encodeURIComponent(protocol);
        this.ready = new Promise((resolve, reject) => {
            this.onReady = resolve;
            this.iframe.addEventListener('error', () => reject(new IdentityError('idp-load-failure',
                'the IdP frame of ' + domain + ' did not load')));
            setTimeout(() => reject(new IdentityError('idp-load-failure',
                'the IdP frame of ' + domain + ' did not answer')), TIMEOUT_MS);
        });
        this.ready.catch(() => frames.delete(domain + '/' + protocol));
        window.addEventListener('message', (event) => this.receive(event));
        document.body.appendChild(this.iframe);
    }

    receive(event) {
        if (event.origin !== this.origin || event.source !== this.iframe.contentWindow) {
            return;
        }
        const data = event.data || {};
        if (data.type === 'callsign-idp-ready') {
            this.onReady();
        } else if (data.type === 'callsign-idp-response' && this.pending.has(data.id)) {
            const {resolve, reject, timer} = this.pending.get(data.id);
            this.pending.delete(data.id);
            clearTimeout(timer);
            if (data.ok) {
                resolve(data.result);
            } else {
                const error = data.error || {};
                reject(new IdentityError(error.errorDetail || 'idp-execution-failure',
                    String(error.message || 'the IdP failed').slice(0, 300), error));
            }
        }
    }

    async request(op, fields) {
        await this.ready;
        const id = this.next++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new IdentityError('idp-timeout', 'the IdP did not answer within ' + TIMEOUT_MS / 1000 + ' s'));
            }, TIMEOUT_MS);
            this.pending.set(id, {resolve, reject, timer});
            this.iframe.contentWindow.postMessage(Object.assign({type: 'callsign-idp-request', id, op}, fields),
                this.origin);
        });
    }
}

function frameFor(domain, protocol) {
    const key = domain + '/' + protocol;
    if (!frames.has(key)) {
        frames.set(key, new IdpFrame(domain, protocol));
    }
    return frames.get(key);
}

function base64(text) {
    return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

function unbase64(text) {
    const binary = atob(text);
    return new TextDecoder('utf-8', {fatal: true}).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** Asks the IdP (through its frame) for an assertion over contents, for the relying origin. */
export async function generate(idpDomain, protocol, contents, origin, options = {}) {
    const result = await frameFor(checkDomain(idpDomain), checkProtocol(protocol))
        .request('generate', {contents, origin, options});
    if (!result || !result.idp || typeof result.idp.domain !== 'string' || typeof result.assertion !== 'string') {
        throw new IdentityError('idp-bad-script-failure', 'the IdP proxy returned no {idp, assertion}');
    }
    return result;
}

/** The SDP with an a=identity of idpDomain over all its fingerprints, for the relying origin (RFC 8827 §7.4.1). */
export async function assertIdentity(sdp, {idpDomain, protocol = 'default', origin, usernameHint}) {
    const covered = fingerprints(sdp);
    if (covered.length === 0) {
        throw new IdentityError('sdp-malformed', 'the SDP has no a=fingerprint to assert');
    }
    const result = await generate(idpDomain, protocol, JSON.stringify({fingerprint: covered}), origin,
        {protocol, usernameHint});
    const value = base64(JSON.stringify({idp: {domain: result.idp.domain, protocol: result.idp.protocol || protocol},
        assertion: result.assertion}));
    return withIdentity(sdp, value);
}

async function validate(frame, assertion, origins) {
    for (let i = 0; ; i++) {
        try {
            return await frame.request('validate', {assertion, origin: origins[i]});
        } catch (error) {
            if (!(error instanceof IdentityError) || error.code !== 'idp-token-invalid' || i >= origins.length - 1) {
                throw error;
            }
        }
    }
}

/**
 * The identity in sdp, checked as a relying party (RFC 8827 §7.5, §8.1): the IdP named in a=identity validates the
 * assertion for one of origins (a string or a list, tried in order while the IdP says idp-token-invalid: our server's
 * origin, then the other party's server's, since a browser with native identity asserts for its page's origin —
 * docs/federation.md); every fingerprint of the SDP must be covered; the name's domain must be the IdP's (port
 * stripped); a target peerIdentity, when given, must match. Returns {name, idp, protocol}, or null without a=identity.
 */
export async function verifyIdentity(sdp, origins, {peerIdentity} = {}) {
    const value = identityValue(sdp);
    if (value === null) {
        return null;
    }
    let parsed;
    try {
        parsed = JSON.parse(unbase64(value));
    } catch (e) {
        throw new IdentityError('identity-malformed', 'a=identity is not base64 JSON');
    }
    if (!parsed || !parsed.idp || typeof parsed.assertion !== 'string') {
        throw new IdentityError('identity-malformed', 'a=identity has no idp and assertion');
    }
    const domain = checkDomain(parsed.idp.domain);
    const protocol = checkProtocol(parsed.idp.protocol || 'default');
    const result = await validate(frameFor(domain, protocol), parsed.assertion, [].concat(origins));
    if (!result || typeof result.identity !== 'string' || typeof result.contents !== 'string') {
        throw new IdentityError('idp-bad-script-failure', 'the IdP proxy returned no {identity, contents}');
    }
    let contents;
    try {
        contents = JSON.parse(result.contents);
    } catch (e) {
        throw new IdentityError('idp-token-invalid', 'the asserted contents are not JSON');
    }
    const asserted = new Set((contents.fingerprint || []).map((f) =>
        String(f.algorithm).toLowerCase() + ' ' + String(f.digest).toUpperCase()));
    for (const fingerprint of fingerprints(sdp)) {
        if (!asserted.has(fingerprint.algorithm + ' ' + fingerprint.digest)) {
            throw new IdentityError('fingerprint-not-covered',
                'the assertion does not cover ' + fingerprint.algorithm + ' ' + fingerprint.digest);
        }
    }
    const at = result.identity.lastIndexOf('@');
    const user = at > 0 ? result.identity.slice(0, at) : '';
    const nameDomain = at > 0 ? result.identity.slice(at + 1).toLowerCase() : '';
    if (user.length === 0 || nameDomain !== domain.replace(/:[0-9]+$/, '')) {
        throw new IdentityError('domain-mismatch', result.identity + ' is not an identity of ' + domain);
    }
    if (peerIdentity && peerIdentity.toLowerCase() !== result.identity.toLowerCase()) {
        throw new IdentityError('peer-identity-mismatch', 'expected ' + peerIdentity + ', got ' + result.identity);
    }
    return {name: result.identity, idp: domain, protocol};
}

/**
 * The W3C API shape for one RTCPeerConnection: setIdentityProvider, getIdentityAssertion, and peerIdentity, which
 * resolves with the first verified identity of the other side and never changes after (W3C webrtc-identity §7).
 * origin is the relying origin the assertion is for (the server that checks it first), a Callsign extension.
 */
export class RTCIdentity {
    constructor() {
        this.provider = null;
        this.verified = null;
        this.appliesRemote = false;
        this.peerIdentity = new Promise((resolve, reject) => {
            this.resolvePeer = resolve;
            this.rejectPeer = reject;
        });
        this.peerIdentity.catch(() => {});
    }

    setIdentityProvider(domain, {protocol = 'default', usernameHint, peerIdentity, origin} = {}) {
        this.provider = {domain: checkDomain(domain), protocol: checkProtocol(protocol), usernameHint, origin};
        this.target = peerIdentity || null;
    }

    /** Nothing to prepare: the IdP frame is asked when the description is signed. */
    async ready() {}

    described() {}

    async getIdentityAssertion(sdp) {
        if (this.provider === null) {
            throw new IdentityError('idp-load-failure', 'no identity provider set');
        }
        return assertIdentity(sdp, {idpDomain: this.provider.domain, protocol: this.provider.protocol,
            origin: this.provider.origin, usernameHint: this.provider.usernameHint});
    }

    /** Verifies sdp without applying it (the caller applies it once verified); origins as verifyIdentity's. */
    async verifyRemote(sdp, origins) {
        try {
            const identity = await verifyIdentity(sdp, origins, {peerIdentity: this.verified ? this.verified.name
                : this.target});
            if (identity === null) {
                throw new IdentityError('identity-missing', 'the other side sent no a=identity');
            }
            if (this.verified === null) {
                this.verified = identity;
                this.resolvePeer(identity);
            }
            return identity;
        } catch (error) {
            this.rejectPeer(error);
            throw error;
        }
    }
}
