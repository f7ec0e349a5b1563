// Callsign web client's service worker: shows the call notifications that the signaling server pushes (Web Push,
// RFC 8030/8291: the payload is only {type, call, expires} and, if the callee allows it, caller) and opens the client
// when one is clicked.
'use strict';

self.addEventListener('push', (event) => {
    let data = {};
    try {
        data = event.data ? event.data.json() : {};
    } catch (e) {
        data = {};
    }
    const expired = typeof data.expires === 'number' && data.expires * 1000 < Date.now();
    const missed = data.type === 'missed-call' || expired;
    const who = typeof data.caller === 'string' ? data.caller : 'Someone';
    const title = missed ? 'Missed call' : 'Incoming call';
    const body = missed ? who + ' called you.' : who + ' is calling you.';
    const call = typeof data.call === 'string' ? data.call : '';
    event.waitUntil(self.registration.showNotification(title, {
        body,
        tag: 'call-' + call,
        renotify: true,
        requireInteraction: !missed,
        data: {call, type: missed ? 'missed-call' : 'incoming-call'}
    }));
});

self.addEventListener('notificationclick', (event) => {
    event.notification.close();
    const call = event.notification.data && event.notification.data.call || '';
    const url = new URL('./?call=' + encodeURIComponent(call), self.registration.scope).href;
    event.waitUntil(self.clients.matchAll({type: 'window', includeUncontrolled: true}).then((windows) => {
        for (const client of windows) {
            if (client.url.startsWith(self.registration.scope)) {
                client.postMessage({type: 'open-call', call});
                return client.focus();
            }
        }
        return self.clients.openWindow(url);
    }));
});
