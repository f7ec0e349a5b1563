// One call between people (docs/federation.md): an RTCPeerConnection with this device's certificate, a chat data
// channel, optional audio and video, and the identity layer: our SDP carries an a=identity of our IdP for the server
// that checks it first; the other side's SDP is verified here, in this browser, before it is used. Where the browser
// implements WebRTC identity itself (Firefox) its own is used (native-identity.js), else the IdP proxy frame.
import {RTCIdentity} from './identity.js';
import {hasNativeIdentity, NativeIdentity} from './native-identity.js';

const GATHER_MS = 3000;

function candidates(sdp) {
    return (sdp.match(/^a=candidate:/gm) || []).length;
}

export class Call extends EventTarget {
    constructor({certificate, iceServers, idpDomain, media}) {
        super();
        this.pc = new RTCPeerConnection({certificates: [certificate], iceServers: iceServers || []});
        this.identity = hasNativeIdentity() ? new NativeIdentity(this.pc) : new RTCIdentity();
        this.idpDomain = idpDomain;
        this.media = media;
        this.id = null;
        this.chat = null;
        this.remoteStream = new MediaStream();
        this.pc.addEventListener('track', (event) => {
            this.remoteStream.addTrack(event.track);
            this.emit('media', {stream: this.remoteStream});
        });
        this.pc.addEventListener('connectionstatechange', () => {
            console.info('call: connection ' + this.pc.connectionState);
            this.emit('state', {state: this.pc.connectionState});
        });
        this.pc.addEventListener('iceconnectionstatechange', () => console.info('call: ICE ' + this.pc.iceConnectionState));
        this.pc.addEventListener('datachannel', (event) => this.useChat(event.channel));
    }

    emit(type, detail) {
        this.dispatchEvent(new CustomEvent(type, {detail}));
    }

    useChat(channel) {
        this.chat = channel;
        channel.addEventListener('open', () => {
            console.info('call: chat open');
            this.emit('chat-open', {});
        });
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

    /** Prepares our offer to to, for relyingOrigin (the callee's server); then {@link sign}. */
    async offer(to, relyingOrigin) {
        this.useChat(this.pc.createDataChannel('chat'));
        await this.addMedia();
        this.identity.setIdentityProvider(this.idpDomain, {origin: relyingOrigin, peerIdentity: to});
    }

    /**
     * Our offer or answer, complete with candidates, with an a=identity of our IdP. It may ask us to sign in first
     * (idp-need-login); called again after the sign-in, it goes on where it stopped.
     */
    async sign() {
        await this.identity.ready();
        if (!this.pc.localDescription) {
            const description = this.pc.remoteDescription ? await this.pc.createAnswer() : await this.pc.createOffer();
            this.identity.described(description.sdp);
            await this.pc.setLocalDescription(description);
            await this.gathered();
        }
        return this.identity.getIdentityAssertion(this.pc.localDescription.sdp);
    }

    /**
     * Verifies the callee's answer here, then applies it. origins: our server's, then the callee's server's (the
     * assertion is for one of them: docs/federation.md).
     */
    async accepted(sdp, origins) {
        console.info('call: answer with ' + candidates(sdp) + ' candidates');
        const verified = await this.identity.verifyRemote(sdp, origins, 'answer');
        if (!this.identity.appliesRemote) {
            await this.pc.setRemoteDescription({type: 'answer', sdp});
        }
        return verified;
    }

    /**
     * Verifies an incoming offer; origins: our server's, then the caller's server's. Native identity verifies by
     * applying it, which sends nothing: no answer, no candidate leaves before {@link answer} and {@link sign}.
     */
    async check(sdp, origins) {
        console.info('call: offer with ' + candidates(sdp) + ' candidates');
        return this.identity.verifyRemote(sdp, origins, 'offer');
    }

    /** Prepares our answer to the offer, for the caller's server; then {@link sign}. */
    async answer(offerSdp, callerServer) {
        this.identity.setIdentityProvider(this.idpDomain, {origin: callerServer});
        if (!this.pc.remoteDescription) {
            await this.pc.setRemoteDescription({type: 'offer', sdp: offerSdp});
        }
        // After the offer, so that our tracks go on its transceivers rather than on new ones it never offered.
        await this.addMedia();
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
            setTimeout(() => {
                if (this.pc.iceGatheringState !== 'complete') {
                    console.warn('call: ICE gathering still ' + this.pc.iceGatheringState + ' after ' + GATHER_MS
                        + ' ms; going on with the candidates found so far');
                }
                resolve();
            }, GATHER_MS);
        });
    }
}
