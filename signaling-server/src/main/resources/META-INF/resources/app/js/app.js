// Callsign web client: signs in to the signaling server, proves the person's identity through their IdP's proxy
// frame, registers this browser as a device, and makes and answers calls whose identities this browser verifies.
import {Api} from './api.js';
import {Call} from './call.js';
import {certificate, fingerprintOf, remember} from './device.js';
import {IdentityError, generate} from './identity.js';
import {Signaling} from './signaling.js';

const SESSION_KEY = 'callsign-session';
const ENDED = new Set(['ended', 'declined', 'busy', 'unavailable', 'failed', 'missed', 'cancelled']);
const EXPLAIN = {
    'idp-need-login': 'Sign in at your identity provider, then it continues.',
    'idp-load-failure': 'The identity provider could not be loaded.',
    'idp-bad-script-failure': 'The identity provider\'s script is broken.',
    'idp-execution-failure': 'The identity provider failed.',
    'idp-tls-failure': 'The identity provider\'s certificate is not trusted.',
    'idp-timeout': 'The identity provider did not answer in time.',
    'idp-token-expired': 'The identity assertion has expired.',
    'idp-token-invalid': 'The identity assertion is not valid here.',
    'fingerprint-not-covered': 'The identity does not cover the connection\'s certificate: someone may be in the middle.',
    'domain-mismatch': 'The identity provider vouches for another domain.',
    'peer-identity-mismatch': 'The other side is not who you called.',
    'identity-malformed': 'The identity in the call is malformed.',
    'identity-missing': 'The other side sent no identity.',
    'sdp-malformed': 'The session description is malformed.'
};

const $ = (id) => document.getElementById(id);
const state = {api: null, signaling: null, server: null, idpDomain: null, clientId: null, device: null, call: null,
    incoming: null, iceServers: [], vapidKey: null, online: new Map()};

function explain(error) {
    if (error instanceof IdentityError) {
        return (EXPLAIN[error.code] || 'Identity check failed.') + ' (' + error.code + ': ' + error.message + ')';
    }
    return error && error.message ? error.message : String(error);
}

function say(id, text) {
    $(id).textContent = text;
}

/** Runs step; if the IdP needs a sign-in, offers the sign-in popup and runs step again once it reports done. */
function withIdpLogin(step) {
    return step().catch((error) => {
        if (!(error instanceof IdentityError) || error.code !== 'idp-need-login' || !error.idpLoginUrl) {
            throw error;
        }
        return new Promise((resolve, reject) => {
            const button = $('idp-signin');
            const idpOrigin = new URL(error.idpLoginUrl).origin;
            button.textContent = 'Sign in at ' + new URL(error.idpLoginUrl).host + ' (' + error.message + ')';
            button.hidden = false;
            button.focus();
            const done = (event) => {
                if (event.origin === idpOrigin && event.data === 'WEBRTC-LOGINDONE') {
                    window.removeEventListener('message', done);
                    button.hidden = true;
                    withIdpLogin(step).then(resolve, reject);
                }
            };
            window.addEventListener('message', done);
            button.onclick = () => window.open(error.idpLoginUrl, 'callsign-idp', 'popup,width=480,height=640');
        });
    });
}

async function signIn(event) {
    event.preventDefault();
    say('signin-error', '');
    try {
        const clientId = $('client-id').value.trim();
        const token = await Api.login(clientId, $('client-key').value);
        const session = {clientId, token, idpDomain: $('idp-domain').value.trim().toLowerCase()};
        sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
        await start(session);
    } catch (error) {
        say('signin-error', explain(error));
    }
}

async function start(session) {
    state.api = new Api(session.token);
    state.clientId = session.clientId;
    state.idpDomain = session.idpDomain;
    const document_ = await (await fetch('/.well-known/callsign')).json();
    state.server = document_.server;
    state.vapidKey = document_.push && document_.push.vapidPublicKey;
    state.iceServers = await state.api.get('/api/ice-servers').then((body) => body.iceServers || [], () => []);
    state.device = await registerDevice();
    $('signin').hidden = true;
    $('home').hidden = false;
    say('whoami', session.clientId + ' at ' + location.host);
    say('my-device', state.device.fingerprint.slice(0, 23) + '…');
    await showIdentity();
    connect();
    await Promise.all([showStatus(), showRules(), showDevices(), showHistory()]);
    if ('serviceWorker' in navigator) {
        navigator.serviceWorker.register('sw.js', {scope: './'}).catch(() => {});
        navigator.serviceWorker.addEventListener('message', (event) => {
            if (event.data && event.data.type === 'open-call' && state.incoming) {
                $('accept').focus();
            }
        });
    }
}

async function registerDevice() {
    const saved = await certificate(state.clientId);
    const fingerprint = await fingerprintOf(saved.certificate);
    const devices = await state.api.get('/api/devices');
    const known = devices.find((d) => d.id === saved.deviceId);
    if (!known) {
        const made = await state.api.post('/api/devices',
            {name: 'Web browser', kind: 'browser', fingerprint, verified: true});
        saved.deviceId = made.id;
        await remember(state.clientId, saved);
    }
    return {id: saved.deviceId, certificate: saved.certificate, fingerprint};
}

async function showIdentity() {
    const bound = await state.api.get('/api/identity').catch(() => null);
    say('my-identity', bound && bound.identity ? bound.identity : 'not proved yet');
}

async function bindIdentity() {
    say('identity-error', '');
    try {
        const challenge = await state.api.post('/api/identity/challenge');
        const result = await withIdpLogin(() => generate(state.idpDomain, 'default', challenge.contents,
            challenge.origin));
        await state.api.put('/api/identity',
            {idp: {domain: result.idp.domain, protocol: result.idp.protocol || 'default'}, assertion: result.assertion});
        await showIdentity();
    } catch (error) {
        say('identity-error', explain(error));
    }
}

function connect() {
    const signaling = new Signaling(state.api.token, state.device.id);
    state.signaling = signaling;
    signaling.addEventListener('welcome', () => say('connection', 'connected'));
    signaling.addEventListener('closed', (event) => say('connection', 'disconnected (' + event.detail.code + ')'));
    signaling.addEventListener('peers', (event) => {
        (event.detail.peers || []).forEach((peer) => state.online.set(peer.id, peer.online));
        showDevices();
    });
    signaling.addEventListener('peer-update', (event) => {
        state.online.set(event.detail.peer.id, event.detail.peer.online);
        showDevices();
    });
    signaling.addEventListener('call-placed', (event) => {
        if (state.call && state.call.id === null) {
            state.call.id = event.detail.call;
        }
    });
    signaling.addEventListener('call-update', (event) => callUpdate(event.detail));
    signaling.addEventListener('incoming-call', (event) => incoming(event.detail));
    signaling.addEventListener('call-candidate', (event) => {
        if (state.call && state.call.id === event.detail.call && event.detail.candidate) {
            state.call.addCandidate(event.detail.candidate);
        }
    });
    signaling.addEventListener('error', (event) => say('call-error', event.detail.message || event.detail.error));
    signaling.connect();
}

function newCall() {
    const call = new Call({certificate: state.device.certificate, iceServers: state.iceServers,
        idpDomain: state.idpDomain, media: $('with-media').checked});
    call.addEventListener('chat', (event) => chatLine(call.peerName || 'them', event.detail.text));
    call.addEventListener('chat-open', () => say('call-state', progress(call)));
    call.addEventListener('state', (event) => {
        if (event.detail.state === 'failed' && state.call === call) {
            if (call.id) {
                state.signaling.send('hangup', {call: call.id});
            }
            endCall('Call ended: the connection failed.');
        }
    });
    call.addEventListener('media', (event) => {
        $('remote-video').srcObject = event.detail.stream;
        $('remote-video').dataset.live = '';
        $('remote-video').play().catch(() => {});
    });
    return call;
}

async function placeCall(event) {
    event.preventDefault();
    say('call-error', '');
    if (state.call) {
        say('call-error', 'You are in a call already.');
        return;
    }
    const to = $('callee').value.trim();
    const call = newCall();
    state.call = call;
    try {
        const lookup = await state.api.get('/api/lookup?identity=' + encodeURIComponent(to));
        showCall('Calling ' + to + '…', 'verifying once they answer', false);
        call.peerServer = lookup.server;
        await call.offer(to, lookup.server);
        if (call.localStream) {
            $('local-video').srcObject = call.localStream;
            $('local-video').dataset.live = '';
        }
        const sdp = await withIdpLogin(() => call.sign());
        call.peerName = to;
        state.signaling.send('call', {to, sdp});
    } catch (error) {
        endCall(explain(error));
    }
}

async function callUpdate(update) {
    const call = state.call;
    if (!call || call.id !== update.call) {
        showHistory();
        return;
    }
    if (update.state === 'ringing') {
        say('call-state', 'ringing');
    } else if (update.state === 'accepted') {
        try {
            const verified = await call.accepted(update.sdp, [state.server, call.peerServer]);
            call.peerName = verified.name;
            showPeer(verified);
            say('call-state', progress(call));
        } catch (error) {
            state.signaling.send('hangup', {call: call.id});
            endCall('Call ended: ' + explain(error));
        }
    } else if (ENDED.has(update.state)) {
        endCall('Call ' + update.state + (update.reason ? ' (' + update.reason + ')' : ''));
    }
}

async function incoming(ring) {
    if (state.call || state.incoming) {
        state.signaling.send('decline', {call: ring.call});
        return;
    }
    state.incoming = ring;
    const call = newCall();
    state.pending = call;
    $('incoming').hidden = false;
    say('incoming-identity', 'Checking who is calling…');
    try {
        const verified = await call.check(ring.sdp, [state.server, ring.server]);
        call.peerName = verified.name;
        ring.verifiedName = verified.name;
        $('incoming-identity').className = 'badge verified';
        say('incoming-identity', verified.name + ' — identity verified by this browser (IdP ' + verified.idp + ')');
    } catch (error) {
        call.peerName = ring.from || 'unknown caller';
        $('incoming-identity').className = 'badge unverified';
        say('incoming-identity', 'NOT verified: ' + (ring.from || 'unknown caller') + ' — ' + explain(error));
    }
    $('accept').focus();
}

async function accept() {
    const ring = state.incoming;
    const call = state.pending;
    if (!ring || !call) {
        return;
    }
    $('incoming').hidden = true;
    state.incoming = null;
    state.call = call;
    call.id = ring.call;
    call.media = $('with-media').checked;
    try {
        showCall('NOT verified: ' + (ring.from || 'unknown caller'), 'answering…', false);
        if (call.identity.verified) {
            showPeer(call.identity.verified);
        }
        await call.answer(ring.sdp, ring.server);
        if (call.localStream) {
            $('local-video').srcObject = call.localStream;
            $('local-video').dataset.live = '';
        }
        const sdp = await withIdpLogin(() => call.sign());
        state.signaling.send('accept', {call: ring.call, sdp});
        say('call-state', progress(call));
    } catch (error) {
        state.signaling.send('hangup', {call: ring.call});
        endCall(explain(error));
    }
}

function decline() {
    if (state.incoming) {
        state.signaling.send('decline', {call: state.incoming.call});
        state.pending.close();
    }
    state.incoming = null;
    state.pending = null;
    $('incoming').hidden = true;
}

/**
 * How far the call's connection got. The chat may open before the code that applied the other side's SDP goes on
 * (the browser's events are not ordered against its promises), so this reads the state rather than following events.
 */
function progress(call) {
    if (call.chat && call.chat.readyState === 'open') {
        return 'connected; chat open';
    }
    return 'connecting…';
}

function showCall(peer, status, verified) {
    $('in-call').hidden = false;
    $('chat-log').replaceChildren();
    $('peer-identity').className = 'badge ' + (verified ? 'verified' : 'unverified');
    say('peer-identity', peer);
    say('call-state', status);
}

function showPeer(verified) {
    $('peer-identity').className = 'badge verified';
    say('peer-identity', verified.name + ' — identity verified by this browser (IdP ' + verified.idp + ')');
}

function endCall(message) {
    if (state.call) {
        state.call.close();
    }
    state.call = null;
    $('in-call').hidden = true;
    ['remote-video', 'local-video'].forEach((id) => {
        $(id).srcObject = null;
        delete $(id).dataset.live;
    });
    say('call-error', message || '');
    showHistory();
}

function hangup() {
    if (state.call && state.call.id) {
        state.signaling.send('hangup', {call: state.call.id});
    }
    endCall('You hung up.');
}

function chatLine(who, text) {
    const item = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'who';
    name.textContent = who + ':';
    item.append(name, document.createTextNode(text));
    $('chat-log').append(item);
}

function sendChat(event) {
    event.preventDefault();
    const text = $('chat-text').value;
    try {
        state.call.send(text);
        chatLine('me', text);
        $('chat-text').value = '';
    } catch (error) {
        say('call-error', explain(error));
    }
}

async function showStatus() {
    const status = await state.api.get('/api/filter/status');
    $('status-select').value = status.status;
    say('status-now', 'Now ' + status.status + (status.until ? ' until ' + status.until : '') + ' (' + status.source + ')');
}

async function setStatus(event) {
    event.preventDefault();
    await state.api.put('/api/filter/status', {status: $('status-select').value});
    await showStatus();
}

async function showRules() {
    const body = await state.api.get('/api/filter/rules?limit=100');
    const list = $('rules');
    list.replaceChildren(...body.rules.map((rule) => {
        const item = document.createElement('li');
        item.textContent = rule.action + ' ' + rule.pattern + ' ';
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', 'Remove the rule ' + rule.action + ' ' + rule.pattern);
        remove.onclick = async () => {
            await state.api.delete('/api/filter/rules?pattern=' + encodeURIComponent(rule.pattern));
            await showRules();
        };
        item.append(remove);
        return item;
    }));
}

async function addRule(event) {
    event.preventDefault();
    say('rules-error', '');
    try {
        await state.api.post('/api/filter/rules',
            {rules: [{action: $('rule-action').value, pattern: $('rule-pattern').value.trim()}]});
        $('rule-pattern').value = '';
        await showRules();
    } catch (error) {
        say('rules-error', explain(error));
    }
}

async function showDevices() {
    const devices = await state.api.get('/api/devices');
    $('devices').replaceChildren(...devices.map((device) => {
        const item = document.createElement('li');
        item.textContent = device.name + ' (' + device.kind + (device.id === state.device.id ? ', this browser' : '')
            + ')';
        if (device.id === state.device.id ? state.signaling !== null : state.online.get(device.id)) {
            item.className = 'online';
        }
        return item;
    }));
}

async function showHistory() {
    const body = await state.api.get('/api/calls?limit=20').catch(() => ({calls: []}));
    $('history').tBodies[0].replaceChildren(...body.calls.map((record) => {
        const row = document.createElement('tr');
        const why = record.filter ? record.filter.decision + (record.filter.rule ? ': ' + record.filter.rule : '')
            : '';
        [new Date(record.created || record.updated || Date.now()).toLocaleString(), record.direction,
            (record.peer || '?') + (record.verified ? ' ✓' : ''), record.state,
            [record.reason, why].filter(Boolean).join('; ')].forEach((text) => {
            const cell = document.createElement('td');
            cell.textContent = text || '';
            row.append(cell);
        });
        return row;
    }));
}

function applicationServerKey(base64url) {
    const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((base64url.length + 3) % 4));
    return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

async function enablePush() {
    try {
        if (!state.vapidKey) {
            throw new Error('this server sends no push notifications');
        }
        if ((await Notification.requestPermission()) !== 'granted') {
            throw new Error('notifications are not allowed in this browser');
        }
        const registration = await navigator.serviceWorker.ready;
        const subscription = (await registration.pushManager.subscribe({userVisibleOnly: true,
            applicationServerKey: applicationServerKey(state.vapidKey)})).toJSON();
        await state.api.post('/api/devices/' + encodeURIComponent(state.device.id) + '/push-subscriptions',
            {type: 'webpush', endpoint: subscription.endpoint, keys: subscription.keys});
        say('push-status', 'Call notifications are on for this browser.');
    } catch (error) {
        say('push-status', 'Notifications could not be turned on: ' + explain(error));
    }
}

function signOut() {
    sessionStorage.removeItem(SESSION_KEY);
    if (state.signaling) {
        state.signaling.close();
    }
    location.reload();
}

$('signin-form').addEventListener('submit', signIn);
$('bind-identity').addEventListener('click', bindIdentity);
$('call-form').addEventListener('submit', placeCall);
$('accept').addEventListener('click', accept);
$('decline').addEventListener('click', decline);
$('hangup').addEventListener('click', hangup);
$('chat-form').addEventListener('submit', sendChat);
$('status-form').addEventListener('submit', (event) => setStatus(event).catch((e) => say('call-error', explain(e))));
$('rule-form').addEventListener('submit', addRule);
$('refresh-history').addEventListener('click', showHistory);
$('enable-push').addEventListener('click', enablePush);
$('signout').addEventListener('click', signOut);

const saved = sessionStorage.getItem(SESSION_KEY);
if (saved) {
    start(JSON.parse(saved)).catch((error) => {
        sessionStorage.removeItem(SESSION_KEY);
        say('signin-error', explain(error));
    });
}
