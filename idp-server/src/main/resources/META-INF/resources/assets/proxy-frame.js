// Callsign IdP proxy frame: runs this IdP's proxy script at the IdP's origin inside an iframe, for browsers without
// WebRTC identity (W3C webrtc-identity §5, the IdP realm; RFC 8827 §7). The embedding page talks to it only by
// postMessage. Requests: {type: 'callsign-idp-request', id, op: 'generate'|'validate', ...}; answers:
// {type: 'callsign-idp-response', id, ok, result | error}. Assertions are generated only for pages whose origin the
// user allowed at this IdP, with a bearer token that only this IdP's sign-in page (/proxy-frame/handoff) hands over.
(function () {
    'use strict';

    var TOKEN_KEY = 'callsign-idp-bearer';
    var script = document.currentScript;
    var protocol = script.getAttribute('data-protocol');
    var proxyPath = script.getAttribute('data-proxy');
    var nativeFetch = window.fetch.bind(window);
    var provider = null;
    var loaded = null;

    // The realm's error type, as the W3C spec shapes it: Chromium's own RTCError refuses the idp-* details.
    function IdpError(init, message) {
        var error = new Error(message || '');
        error.name = 'RTCError';
        init = init || {};
        ['errorDetail', 'httpRequestStatusCode', 'idpLoginUrl', 'idpErrorInfo'].forEach(function (key) {
            if (init[key] !== undefined) {
                error[key] = init[key];
            }
        });
        return error;
    }
    window.RTCError = IdpError;

    function token() {
        try {
            var saved = JSON.parse(localStorage.getItem(TOKEN_KEY) || 'null');
            if (saved && typeof saved.token === 'string' && saved.expiresAt > Date.now()) {
                return saved.token;
            }
        } catch (e) {
            // Storage unavailable or corrupt: no token.
        }
        return null;
    }

    // Same-origin requests carry the bearer token the sign-in page handed over; nothing else changes.
    window.fetch = function (input, init) {
        var url = new URL(typeof input === 'string' ? input : input.url, location.href);
        var bearer = token();
        if (url.origin !== location.origin || bearer === null) {
            return nativeFetch(input, init);
        }
        init = Object.assign({}, init || {});
        var headers = new Headers(init.headers || {});
        headers.set('Authorization', 'Bearer ' + bearer);
        init.headers = headers;
        init.credentials = 'omit';
        return nativeFetch(input, init);
    };

    window.rtcIdentityProvider = {
        register: function (idp) {
            if (provider !== null) {
                throw new Error('register() may be called once');
            }
            if (!idp || typeof idp.generateAssertion !== 'function' || typeof idp.validateAssertion !== 'function') {
                throw new TypeError('register() needs generateAssertion and validateAssertion');
            }
            provider = idp;
        }
    };

    loaded = new Promise(function (resolve, reject) {
        var element = document.createElement('script');
        element.src = proxyPath;
        element.onload = function () {
            if (provider === null) {
                reject(new IdpError({errorDetail: 'idp-bad-script-failure'}, 'the proxy script did not register'));
            } else {
                resolve(provider);
            }
        };
        element.onerror = function () {
            reject(new IdpError({errorDetail: 'idp-load-failure'}, 'the proxy script did not load'));
        };
        document.head.appendChild(element);
    });

    function signInUrl(requester) {
        var handoff = '/proxy-frame/handoff?origin=' + encodeURIComponent(requester);
        return location.origin + '/login?origin=' + encodeURIComponent(requester) + '&next='
            + encodeURIComponent(handoff);
    }

    // Whether the user allowed the requesting page's origin at this IdP (GET /api/consents).
    function allowed(requester) {
        return window.fetch(location.origin + '/api/consents', {headers: {Accept: 'application/json'}})
            .then(function (response) {
                if (response.status === 401) {
                    return null;
                }
                return response.json().then(function (body) {
                    return body.anyOrigin === true || (body.origins || []).some(function (grant) {
                        return grant.origin === requester;
                    });
                });
            });
    }

    function generate(request, requester) {
        if (token() === null) {
            return Promise.reject(new IdpError({errorDetail: 'idp-need-login', idpLoginUrl: signInUrl(requester)},
                'sign in at the IdP'));
        }
        return allowed(requester).then(function (ok) {
            if (ok === null) {
                localStorage.removeItem(TOKEN_KEY);
                throw new IdpError({errorDetail: 'idp-need-login', idpLoginUrl: signInUrl(requester)},
                    'the IdP sign-in expired');
            }
            if (!ok) {
                throw new IdpError({errorDetail: 'idp-need-login', idpLoginUrl: location.origin + '/consent?origin='
                    + encodeURIComponent(requester)}, 'allow ' + requester + ' at the IdP');
            }
            return loaded;
        }).then(function (idp) {
            return idp.generateAssertion(String(request.contents), String(request.origin), request.options || {});
        });
    }

    function validate(request) {
        return loaded.then(function (idp) {
            return idp.validateAssertion(String(request.assertion), String(request.origin));
        });
    }

    function describe(error) {
        var out = {name: error && error.name || 'Error', message: String(error && error.message || error)};
        ['errorDetail', 'httpRequestStatusCode', 'idpLoginUrl', 'idpErrorInfo'].forEach(function (key) {
            if (error && error[key] !== undefined) {
                out[key] = error[key];
            }
        });
        if (!out.errorDetail) {
            out.errorDetail = 'idp-execution-failure';
        }
        return out;
    }

    window.addEventListener('message', function (event) {
        var data = event.data;
        if (event.origin === location.origin && data && data.type === 'callsign-idp-token') {
            // From this IdP's sign-in page in a popup of the embedding page.
            if (typeof data.token === 'string' && typeof data.expiresIn === 'number') {
                localStorage.setItem(TOKEN_KEY, JSON.stringify({token: data.token,
                    expiresAt: Date.now() + data.expiresIn * 1000}));
            }
            return;
        }
        if (event.source !== window.parent || !data || data.type !== 'callsign-idp-request') {
            return;
        }
        var work = data.op === 'generate' ? generate(data, event.origin)
            : data.op === 'validate' ? validate(data)
            : Promise.reject(new IdpError({errorDetail: 'idp-execution-failure'}, 'unknown operation'));
        Promise.resolve(work).then(function (result) {
            event.source.postMessage({type: 'callsign-idp-response', id: data.id, ok: true, result: result},
                event.origin);
        }, function (error) {
            event.source.postMessage({type: 'callsign-idp-response', id: data.id, ok: false, error: describe(error)},
                event.origin);
        });
    });

    window.parent.postMessage({type: 'callsign-idp-ready', protocol: protocol}, '*');
})();
