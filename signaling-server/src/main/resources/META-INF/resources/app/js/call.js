// One call between people (docs/federation.md): an RTCPeerConnection with this device's certificate, a chat data
// channel, optional audio and video, and the identity layer: our SDP carries an a=identity of our IdP for the server
// that checks it first; the other side's SDP is verified here, in this browser, before it is applied.
import {RTCIdentity} from './identity.js';

const GATHER_MS = 3000;

export class Call extends EventTarget {
    constructor({certificate, iceServers, idpDomain, media}) {
        super();
        this.pc = new RTCPeerConnection({certificates: [certificate], iceServers: iceServers || []});
        this.identity = new RTCIdentity();
        this.idpDomain = idpDomain;
        this.media = media;
        this.id = null;
        this.chat = null;
        this.remoteStream = new MediaStream();
        this.pc.addEventListener('track', (event) => {
            this.remoteStream.addTrack(event.track);
            this.emit('media', {stream: this.remoteStream});
        });
        this.pc.addEventListener('connectionstatechange', () => this.emit('state', {state: this.pc.connectionState}));
        this.pc.addEventListener('datachannel', (event) => this.useChat(event.channel));
    }

    emit(type, detail) {
        this.dispatchEvent(new CustomEvent(type, {detail}));
    }

    useChat(channel) {
        this.chat = channel;
        channel.addEventListener('open', () => this.emit('chat-open', {}));
        channel.addEventListener('message', (event) => this.emit('chat', {text: String(event.data)}));
    }

    async addMedia() {
        if (!this.media) {
            return null;
        }
        this.localStream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
        this.localStream.getTracks().forEach((track) => this.pc.addTrack(track, this.localStream));
        return this.localStream;
    }

    /** Prepares our offer, complete with candidates, for relyingOrigin (the callee's server); then {@link sign}. */
    async offer(to, relyingOrigin) {
        this.peer = to;
        this.useChat(this.pc.createDataChannel('chat'));
        await this.addMedia();
        this.identity.setIdentityProvider(this.idpDomain, {origin: relyingOrigin, peerIdentity: to});
        await this.pc.setLocalDescription(await this.pc.createOffer());
        await this.gathered();
    }

    /** Our local description with an a=identity of our IdP (it may ask us to sign in first: idp-need-login). */
    sign() {
        return this.identity.getIdentityAssertion(this.pc.localDescription.sdp);
    }

    /** Verifies the callee's answer here (for our own server's origin), then applies it. */
    async accepted(sdp, ownOrigin) {
        const verified = await this.identity.verifyRemote(sdp, ownOrigin);
        await this.pc.setRemoteDescription({type: 'answer', sdp});
        return verified;
    }

    /** Verifies an incoming offer (for our own server's origin) without applying it. */
    async check(sdp, ownOrigin) {
        return this.identity.verifyRemote(sdp, ownOrigin);
    }

    /** Prepares our answer to the offer, complete with candidates, for the caller's server; then {@link sign}. */
    async answer(offerSdp, callerServer) {
        this.identity.setIdentityProvider(this.idpDomain, {origin: callerServer});
        await this.pc.setRemoteDescription({type: 'offer', sdp: offerSdp});
        // After the offer, so that our tracks go on its transceivers rather than on new ones it never offered.
        await this.addMedia();
        await this.pc.setLocalDescription(await this.pc.createAnswer());
        await this.gathered();
    }

    addCandidate(candidate) {
        return this.pc.addIceCandidate(candidate).catch(() => {});
    }

    send(text) {
        if (!this.chat || this.chat.readyState !== 'open') {
            throw new Error('the chat is not open yet');
        }
        this.chat.send(text);
    }

    close() {
        if (this.localStream) {
            this.localStream.getTracks().forEach((track) => track.stop());
        }
        this.pc.close();
    }

    gathered() {
        if (this.pc.iceGatheringState === 'complete') {
            return Promise.resolve();
        }
        return new Promise((resolve) => {
            const done = () => {
                if (this.pc.iceGatheringState === 'complete') {
                    resolve();
                }
            };
            this.pc.addEventListener('icegatheringstatechange', done);
            setTimeout(resolve, GATHER_MS);
        });
    }
}
