// This browser's device: one DTLS certificate kept in IndexedDB (its fingerprint is what the signaling server knows
// the device by), registered once per client.

import {fingerprints} from './sdp.js';

const DB = 'callsign-web-client';
const STORE = 'certificates';

function database() {
    return new Promise((resolve, reject) => {
        const open = indexedDB.open(DB, 1);
        open.onupgradeneeded = () => open.result.createObjectStore(STORE);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
    });
}

async function stored(key) {
    const db = await database();
    return new Promise((resolve, reject) => {
        const request = db.transaction(STORE).objectStore(STORE).get(key);
        request.onsuccess = () => resolve(request.result || null);
        request.onerror = () => reject(request.error);
    });
}

async function store(key, value) {
    const db = await database();
    return new Promise((resolve, reject) => {
        const transaction = db.transaction(STORE, 'readwrite');
        transaction.objectStore(STORE).put(value, key);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
    });
}

/** The certificate of this browser for clientId, made (ECDSA P-256, a year) on first use. */
export async function certificate(clientId) {
    const key = 'device:' + clientId;
    let saved = await stored(key);
    if (saved && saved.certificate.expires > Date.now() + 86400000) {
        return saved;
    }
    const made = await RTCPeerConnection.generateCertificate({name: 'ECDSA', namedCurve: 'P-256',
        expires: 365 * 86400000});
    saved = {certificate: made, deviceId: null};
    await store(key, saved);
    return saved;
}

export async function remember(clientId, saved) {
    await store('device:' + clientId, saved);
}

/**
 * The certificate's SHA-256 fingerprint as the API takes it: "sha-256 AB:CD:…". Browsers without
 * RTCCertificate.getFingerprints (Firefox) give it in the a=fingerprint of an offer made with the certificate.
 */
export async function fingerprintOf(cert) {
    if (typeof cert.getFingerprints === 'function') {
        const fingerprint = cert.getFingerprints().find((f) => f.algorithm === 'sha-256');
        return 'sha-256 ' + fingerprint.value.toUpperCase();
    }
    const pc = new RTCPeerConnection({certificates: [cert]});
    try {
        pc.createDataChannel('fingerprint');
        const offer = await pc.createOffer();
        const fingerprint = fingerprints(offer.sdp).find((f) => f.algorithm === 'sha-256');
        if (!fingerprint) {
            throw new Error('this browser shows no SHA-256 fingerprint of its certificate');
        }
        return 'sha-256 ' + fingerprint.digest;
    } finally {
        pc.close();
    }
}
