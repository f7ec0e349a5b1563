// Callsign IdP pages: the login form and the consent form. Served as a file so that the pages' CSP can forbid
// inline script. Posts "WEBRTC-LOGINDONE" to the opener (or parent) when done (W3C webrtc-identity, RFC 8827 §7.6).
(function () {
    'use strict';

    var CSRF_HEADER = 'X-Callsign-Csrf';

    function loginDone(targetOrigin) {
        var target = window.opener || (window.parent !== window ? window.parent : null);
        if (target) {
            target.postMessage('WEBRTC-LOGINDONE', targetOrigin || '*');
        }
    }

    function postJson(url, body) {
        var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
        headers[CSRF_HEADER] = '1';
        return fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: headers,
            body: JSON.stringify(body)
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (json) {
                if (response.ok) {
                    return json;
                }
                var message = json.message || ('request failed (' + response.status + ')');
                var retry = response.headers.get('Retry-After');
                throw new Error(retry ? message + '; try again in ' + retry + ' s' : message);
            });
        });
    }

    function say(text) {
        var status = document.getElementById('status');
        if (status) {
            status.textContent = text;
        }
    }

    function setUpLogin(main) {
        var targetOrigin = main.getAttribute('data-target-origin') || '*';
        var next = main.getAttribute('data-next');
        function finish() {
            if (next) {
                window.location.assign(next);
                return;
            }
            loginDone(targetOrigin);
            say('Logged in. You can close this window.');
        }
        if (main.getAttribute('data-logged-in') === 'true') {
            finish();
            return;
        }
        var form = document.getElementById('login-form');
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            say('Logging in…');
            postJson('/api/session', {
                username: form.elements.username.value,
                password: form.elements.password.value
            }).then(finish, function (error) {
                form.elements.password.value = '';
                say(error.message);
            });
        });
    }

    function setUpConsent(main) {
        var origin = main.getAttribute('data-origin');
        var form = document.getElementById('consent-form');
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var claims = [];
            Array.prototype.forEach.call(form.querySelectorAll('input[name=claims]:checked'), function (box) {
                claims.push(box.value);
            });
            postJson('/api/consents', { origin: origin, claims: claims }).then(function () {
                loginDone(origin);
                say('Allowed. You can close this window.');
            }, function (error) {
                say(error.message);
            });
        });
        document.getElementById('deny').addEventListener('click', function () {
            say('Not allowed.');
            window.close();
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var login = document.getElementById('login');
        if (login) {
            setUpLogin(login);
        }
        var consent = document.getElementById('consent');
        if (consent) {
            setUpConsent(consent);
        }
    });
})();
