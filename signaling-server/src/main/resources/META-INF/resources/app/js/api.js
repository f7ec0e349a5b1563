// The signaling server's JSON API, on this page's own origin, with the client's bearer token.

export class ApiError extends Error {
    constructor(status, code, message) {
        super(message);
        this.name = 'ApiError';
        this.status = status;
        this.code = code;
    }
}

export class Api {
    constructor(token) {
        this.token = token;
    }

    /** Exchanges a client id and key for a bearer token (POST /api/tokens, Basic). */
    static async login(clientId, key) {
        const basic = btoa(String.fromCharCode(...new TextEncoder().encode(clientId + ':' + key)));
        const body = await send('POST', '/api/tokens', {Authorization: 'Basic ' + basic});
        return body.access_token;
    }

    get(path) {
        return send('GET', path, this.headers());
    }

    post(path, body) {
        return send('POST', path, this.headers(), body);
    }

    put(path, body) {
        return send('PUT', path, this.headers(), body);
    }

    delete(path) {
        return send('DELETE', path, this.headers());
    }

    headers() {
        return {Authorization: 'Bearer ' + this.token};
    }
}

async function send(method, path, headers, body) {
    const init = {method, headers: Object.assign({Accept: 'application/json'}, headers), credentials: 'omit'};
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 204) {
        return null;
    }
    let json = null;
    try {
        json = await response.json();
    } catch (e) {
        json = null;
    }
    if (!response.ok) {
        throw new ApiError(response.status, json && json.error || 'http-' + response.status,
            json && json.message || method + ' ' + path + ' failed with ' + response.status);
    }
    return json;
}
