// Callsign IdP sign-in, last step (opened as a popup by a page that embeds this IdP's proxy frame): exchanges the
// session cookie for a bearer token, gives it to the opener's frames of this origin only (postMessage with this origin
// as the target: no other frame can receive it), then posts "WEBRTC-LOGINDONE" to the opener (RFC 8827 §7.6).
(function () {
    'use strict';

    var main = document.getElementById('handoff');
    var targetOrigin = main.getAttribute('data-target-origin') || '*';
    var status = document.getElementById('status');

    function say(text) {
        status.textContent = text;
    }

    if (!window.opener) {
        say('Open this page from the calling page.');
        return;
    }
    fetch('/api/session/bearer', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {'Accept': 'application/json', 'X-Callsign-Csrf': '1'}
    }).then(function (response) {
        return response.json().then(function (body) {
            if (!response.ok) {
                throw new Error(body.message || ('request failed (' + response.status + ')'));
            }
            return body;
        });
    }).then(function (body) {
        var message = {type: 'callsign-idp-token', token: body.access_token, expiresIn: body.expires_in};
        for (var i = 0; i < window.opener.frames.length; i++) {
            window.opener.frames[i].postMessage(message, location.origin);
        }
        window.opener.postMessage('WEBRTC-LOGINDONE', targetOrigin);
        say('Signed in as ' + body.identity + '. You can close this window.');
        window.setTimeout(function () { window.close(); }, 300);
    }).catch(function (error) {
        say('Could not sign in: ' + error.message);
    });
})();
