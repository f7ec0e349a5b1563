// The IdP proxy realm (W3C webrtc-identity §5, RTCIdentityProviderGlobalScope). Evaluated once per realm
// before the IdP's script. `host` is the Java side; it is reachable only through the closures below and
// is removed from the global object before the IdP's script runs. The value of this script is the
// control object the Java side keeps: it is never reachable from the IdP's script.
(function (global, host) {
    'use strict';
    delete global.__callsignHost;

    const define = (name, value) =>
        Object.defineProperty(global, name, {value, writable: false, enumerable: false, configurable: false});

    // --- errors --------------------------------------------------------------------------------------
    class RTCError extends Error {
        constructor(init, message) {
            super(message === undefined ? '' : String(message));
            const details = init || {};
            this.name = 'RTCError';
            this.errorDetail = details.errorDetail === undefined ? null : String(details.errorDetail);
            this.httpRequestStatusCode =
                details.httpRequestStatusCode === undefined ? null : Number(details.httpRequestStatusCode);
            this.idpLoginUrl = details.idpLoginUrl === undefined ? null : String(details.idpLoginUrl);
            this.idpErrorInfo = details.idpErrorInfo === undefined ? null : String(details.idpErrorInfo);
        }
    }
    define('RTCError', RTCError);

    // --- console -------------------------------------------------------------------------------------
    const format = (args) => Array.prototype.map.call(args, (a) => {
        if (typeof a === 'string') return a;
        try { return JSON.stringify(a); } catch (e) { return String(a); }
    }).join(' ');
    const log = (level) => function () { host.log(level, format(arguments)); };
    define('console', Object.freeze({
        log: log('info'), info: log('info'), debug: log('debug'), warn: log('warn'), error: log('error')
    }));

    // --- base64 ---------------------------------------------------------------------------------------
    // Done by the host (HostBase64): the same results as these loops written in JavaScript, many times faster.
    function btoa(input) {
        const out = host.btoa(String(input));
        if (out === null) throw new DOMException('btoa: character out of range', 'InvalidCharacterError');
        return out;
    }
    function atob(input) {
        const out = host.atob(String(input));
        if (out === null) throw new DOMException('atob: not valid base64', 'InvalidCharacterError');
        return out;
    }
    class DOMException extends Error {
        constructor(message, name) {
            super(message === undefined ? '' : String(message));
            this.name = name === undefined ? 'Error' : String(name);
        }
    }
    define('DOMException', DOMException);
    define('btoa', btoa);
    define('atob', atob);

    const bytesOf = (data) => {
        if (data instanceof ArrayBuffer) return new Uint8Array(data);
        if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        throw new TypeError('expected an ArrayBuffer or a view of one');
    };
    const toB64 = (data) => {
        const bytes = bytesOf(data);
        return host.encodeBuffer(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    };

    // --- Uint8Array.fromBase64 and toBase64 (ECMAScript 2026; Firefox, Safari and Chromium ship them) ----------
    // Done by the host (HostBase64Arrays), so that a proxy decodes a JWS without a loop over its characters.
    const alphabetIsUrl = (options) => {
        const alphabet = options === undefined || options.alphabet === undefined ? 'base64' : options.alphabet;
        if (alphabet !== 'base64' && alphabet !== 'base64url') throw new TypeError('alphabet: base64 or base64url');
        return alphabet === 'base64url';
    };
    function fromBase64(string, options) {
        if (typeof string !== 'string') throw new TypeError('fromBase64 needs a string');
        if (options !== undefined && (options === null || typeof options !== 'object')) {
            throw new TypeError('options must be an object');
        }
        const url = alphabetIsUrl(options);
        const last = options === undefined || options.lastChunkHandling === undefined
            ? 'loose' : options.lastChunkHandling;
        if (last !== 'loose' && last !== 'strict' && last !== 'stop-before-partial') {
            throw new TypeError('lastChunkHandling: loose, strict or stop-before-partial');
        }
        const length = host.base64Length(string, url, last);
        if (length < 0) throw new SyntaxError('not valid base64');
        const bytes = new Uint8Array(length);
        if (length > 0) host.base64Into(string, url, last, bytes.buffer);
        return bytes;
    }
    function toBase64(options) {
        if (!(this instanceof Uint8Array)) throw new TypeError('toBase64 needs a Uint8Array');
        const omitPadding = options !== undefined && options !== null && Boolean(options.omitPadding);
        return host.base64Of(this.buffer, this.byteOffset, this.byteLength, alphabetIsUrl(options || undefined),
            omitPadding);
    }
    Object.defineProperty(Uint8Array, 'fromBase64', {value: fromBase64, writable: true, configurable: true});
    Object.defineProperty(Uint8Array.prototype, 'toBase64', {value: toBase64, writable: true, configurable: true});
    const fromB64 = (b64) => fromBase64(b64).buffer;

    // --- URL (parsed by the host) ---------------------------------------------------------------------
    class URLSearchParams {
        constructor(init) {
            this._list = [];
            const s = String(init === undefined ? '' : init).replace(/^\?/, '');
            if (s) for (const pair of s.split('&')) {
                const eq = pair.indexOf('=');
                const name = eq < 0 ? pair : pair.slice(0, eq), value = eq < 0 ? '' : pair.slice(eq + 1);
                const decode = (v) => decodeURIComponent(v.replace(/\+/g, ' '));
                this._list.push([decode(name), decode(value)]);
            }
        }
        get(name) { const e = this._list.find((p) => p[0] === String(name)); return e ? e[1] : null; }
        getAll(name) { return this._list.filter((p) => p[0] === String(name)).map((p) => p[1]); }
        has(name) { return this._list.some((p) => p[0] === String(name)); }
        toString() {
            return this._list.map((p) => encodeURIComponent(p[0]) + '=' + encodeURIComponent(p[1])).join('&');
        }
    }
    class URL {
        constructor(input, base) {
            const parts = JSON.parse(host.parseUrl(String(input), base === undefined ? null : String(base)));
            if (parts.error) throw new TypeError(parts.error);
            Object.assign(this, parts);
            this.searchParams = new URLSearchParams(parts.search);
            Object.freeze(this);
        }
        toString() { return this.href; }
        toJSON() { return this.href; }
    }
    define('URL', URL);
    define('URLSearchParams', URLSearchParams);
    define('location', new URL(host.location()));

    // --- timers ---------------------------------------------------------------------------------------
    const timers = new Map();
    let nextTimer = 1;
    define('setTimeout', function (fn, delay, ...args) {
        if (typeof fn !== 'function') throw new TypeError('setTimeout needs a function');
        const id = nextTimer++;
        timers.set(id, () => fn(...args));
        host.addTimer(id, Math.max(0, Number(delay) || 0));
        return id;
    });
    define('clearTimeout', function (id) {
        if (timers.delete(id)) host.cancelTimer(id);
    });

    // --- crypto ---------------------------------------------------------------------------------------
    const keyHandles = new WeakMap();
    class CryptoKey {
        constructor(handle, type, algorithm, extractable, usages) {
            keyHandles.set(this, handle);
            this.type = type;
            this.algorithm = Object.freeze(algorithm);
            this.extractable = false;
            this.usages = Object.freeze(usages.slice());
            Object.freeze(this);
        }
    }
    const handleOf = (key) => {
        const handle = keyHandles.get(key);
        if (handle === undefined) throw new TypeError('not a CryptoKey');
        return handle;
    };
    const algorithmName = (algorithm) =>
        typeof algorithm === 'string' ? algorithm : algorithm && typeof algorithm.name === 'string' ? algorithm.name : '';
    const hashName = (algorithm) => {
        if (!algorithm || typeof algorithm !== 'object' || algorithm.hash === undefined) return '';
        return algorithmName(algorithm.hash);
    };
    const promised = (fn) => function () {
        try { return Promise.resolve(fn.apply(this, arguments)); } catch (e) { return Promise.reject(e); }
    };
    const subtle = Object.freeze({
        digest: promised((algorithm, data) => fromB64(host.digest(algorithmName(algorithm), toB64(data)))),
        importKey: promised((format, keyData, algorithm, extractable, usages) => {
            const material = format === 'jwk' ? JSON.stringify(keyData) : toB64(keyData);
            const info = JSON.parse(host.importKey(String(format), material, algorithmName(algorithm),
                algorithm && algorithm.namedCurve !== undefined ? String(algorithm.namedCurve) : '',
                JSON.stringify(Array.isArray(usages) ? usages.map(String) : [])));
            return new CryptoKey(info.handle, info.type, info.algorithm, false, info.usages);
        }),
        verify: promised((algorithm, key, signature, data) =>
            host.verify(handleOf(key), algorithmName(algorithm), hashName(algorithm), toB64(signature), toB64(data))),
        sign: promised((algorithm, key, data) =>
            fromB64(host.sign(handleOf(key), algorithmName(algorithm), hashName(algorithm), toB64(data))))
    });
    define('crypto', Object.freeze({
        subtle,
        getRandomValues(array) {
            if (!(array instanceof Int8Array || array instanceof Uint8Array || array instanceof Uint8ClampedArray
                || array instanceof Int16Array || array instanceof Uint16Array || array instanceof Int32Array
                || array instanceof Uint32Array)) {
                throw new TypeError('getRandomValues needs an integer typed array');
            }
            if (array.byteLength > 65536) {
                throw new DOMException('getRandomValues: more than 65536 bytes', 'QuotaExceededError');
            }
            bytesOf(array).set(new Uint8Array(fromB64(host.randomBytes(array.byteLength))));
            return array;
        },
        randomUUID() {
            const b = new Uint8Array(fromB64(host.randomBytes(16)));
            b[6] = (b[6] & 0x0f) | 0x40;
            b[8] = (b[8] & 0x3f) | 0x80;
            const h = Array.from(b, (x) => (x + 0x100).toString(16).slice(1)).join('');
            return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
        }
    }));

    // --- fetch (same origin only; the host enforces it) ----------------------------------------------
    class Headers {
        constructor(init) {
            this._map = new Map();
            if (init instanceof Headers) init.forEach((v, k) => this.set(k, v));
            else if (Array.isArray(init)) init.forEach((p) => this.append(p[0], p[1]));
            else if (init && typeof init === 'object') Object.keys(init).forEach((k) => this.set(k, init[k]));
        }
        get(name) { const v = this._map.get(String(name).toLowerCase()); return v === undefined ? null : v; }
        has(name) { return this._map.has(String(name).toLowerCase()); }
        set(name, value) { this._map.set(String(name).toLowerCase(), String(value)); }
        append(name, value) {
            const k = String(name).toLowerCase();
            this._map.set(k, this._map.has(k) ? this._map.get(k) + ', ' + String(value) : String(value));
        }
        delete(name) { this._map.delete(String(name).toLowerCase()); }
        forEach(fn) { this._map.forEach((v, k) => fn(v, k, this)); }
    }
    class Response {
        constructor(parts) {
            this.status = parts.status;
            this.statusText = parts.statusText;
            this.ok = parts.status >= 200 && parts.status <= 299;
            this.url = parts.url;
            this.headers = new Headers(parts.headers);
            this._body = parts.body;
            this.bodyUsed = false;
        }
        _take() {
            if (this.bodyUsed) return Promise.reject(new TypeError('body already used'));
            this.bodyUsed = true;
            return Promise.resolve(this._body);
        }
        text() { return this._take(); }
        json() { return this._take().then((t) => JSON.parse(t)); }
        arrayBuffer() { return this._take().then((t) => new TextEncoder().encode(t).buffer); }
    }
    define('Headers', Headers);
    define('Response', Response);
    define('fetch', promised((input, init) => {
        const options = init || {};
        const url = new URL(input instanceof URL ? input.href : String(input), location.href).href;
        const headers = {};
        new Headers(options.headers).forEach((v, k) => { headers[k] = v; });
        let body = null;
        if (options.body !== undefined && options.body !== null) {
            body = typeof options.body === 'string' ? options.body
                : options.body instanceof URLSearchParams ? options.body.toString()
                : new TextDecoder().decode(bytesOf(options.body));
        }
        const parts = JSON.parse(host.fetch(url, String(options.method || 'GET').toUpperCase(),
            JSON.stringify(headers), body));
        if (parts.error) throw new TypeError(parts.error);
        return new Response(parts);
    }));

    // --- registration ---------------------------------------------------------------------------------
    let registered = null;
    let firstRunDone = false;
    define('rtcIdentityProvider', Object.freeze({
        register(idp) {
            if (firstRunDone) throw new DOMException('register() is allowed only during the first run', 'InvalidStateError');
            if (registered !== null) throw new DOMException('an IdP is already registered', 'InvalidStateError');
            if (!idp || typeof idp.generateAssertion !== 'function' || typeof idp.validateAssertion !== 'function') {
                throw new TypeError('register() needs generateAssertion and validateAssertion functions');
            }
            registered = {idp, generateAssertion: idp.generateAssertion, validateAssertion: idp.validateAssertion};
        }
    }));

    // --- the control object, for the host only --------------------------------------------------------
    const describe = (value) => {
        if (value === null || value === undefined || typeof value !== 'object') {
            return {message: String(value)};
        }
        const pick = (v) => (v === undefined || v === null ? null : String(v));
        return {
            name: pick(value.name), message: pick(value.message), errorDetail: pick(value.errorDetail),
            idpLoginUrl: pick(value.idpLoginUrl !== undefined ? value.idpLoginUrl : value.loginUrl),
            idpErrorInfo: pick(value.idpErrorInfo),
            httpRequestStatusCode: typeof value.httpRequestStatusCode === 'number' ? value.httpRequestStatusCode : null
        };
    };
    const settle = (promiseFn, onResult, onError) => {
        let result;
        try { result = promiseFn(); } catch (e) { onError(JSON.stringify(describe(e))); return; }
        Promise.resolve(result).then(
            (value) => onResult(value),
            (error) => onError(JSON.stringify(describe(error))));
    };
    return Object.freeze({
        finishFirstRun() { firstRunDone = true; return registered !== null; },
        generateAssertion(contents, origin, options, onResult, onError) {
            settle(() => registered.generateAssertion.call(registered.idp, contents, origin, options), onResult, onError);
        },
        validateAssertion(assertion, origin, onResult, onError) {
            settle(() => registered.validateAssertion.call(registered.idp, assertion, origin), onResult, onError);
        },
        options(protocol, usernameHint, peerIdentity) {
            const o = {protocol};
            if (usernameHint !== null) o.usernameHint = usernameHint;
            if (peerIdentity !== null) o.peerIdentity = peerIdentity;
            return Object.freeze(o);
        },
        runTimer(id) {
            const fn = timers.get(id);
            timers.delete(id);
            if (fn) fn();
        },
        describe(value) { return JSON.stringify(describe(value)); }
    });
})(globalThis, globalThis.__callsignHost);
