// The device's WebSocket to its own signaling server (docs/protocol.md): /ws?device=<id>, protocol version 1, the
// bearer token as the subprotocol callsign.bearer.<token>. Every message becomes an event of its type.

export class Signaling extends EventTarget {
    constructor(token, deviceId) {
        super();
        this.token = token;
        this.deviceId = deviceId;
        this.counter = 0;
        this.socket = null;
    }

    connect() {
        const url = location.origin.replace(/^http/, 'ws') + '/ws?device=' + encodeURIComponent(this.deviceId);
        this.socket = new WebSocket(url, ['callsign.v1', 'callsign.bearer.' + this.token]);
        this.socket.addEventListener('message', (event) => {
            let message;
            try {
                message = JSON.parse(event.data);
            } catch (e) {
                return;
            }
            this.dispatchEvent(new CustomEvent(message.type, {detail: message}));
            this.dispatchEvent(new CustomEvent('message', {detail: message}));
        });
        this.socket.addEventListener('close', (event) => {
            this.dispatchEvent(new CustomEvent('closed', {detail: {code: event.code, reason: event.reason}}));
        });
    }

    send(type, fields = {}) {
        const id = 'c' + (++this.counter);
        this.socket.send(JSON.stringify(Object.assign({type, v: 1, id}, fields)));
        return id;
    }

    close() {
        if (this.socket) {
            this.socket.close(1000, 'bye');
        }
    }
}
