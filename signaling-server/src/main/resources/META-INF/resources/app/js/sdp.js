// What the web client reads and writes in SDP for identity (RFC 8866, RFC 8122 fingerprints, RFC 8827 §7.4 a=identity).

const CRLF = '\r\n';

function lines(sdp) {
    return String(sdp).split(/\r?\n/).filter((line) => line.length > 0);
}

/** Every a=fingerprint, session and media level, as {algorithm, digest}: names case-insensitive, duplicates once. */
export function fingerprints(sdp) {
    const seen = new Set();
    const out = [];
    for (const line of lines(sdp)) {
        const match = /^a=fingerprint:(\S+)\s+([0-9A-Fa-f:]+)\s*$/i.exec(line);
        if (match) {
            const fingerprint = {algorithm: match[1].toLowerCase(), digest: match[2].toUpperCase()};
            const key = fingerprint.algorithm + ' ' + fingerprint.digest;
            if (!seen.has(key)) {
                seen.add(key);
                out.push(fingerprint);
            }
        }
    }
    return out;
}

/** The session-level a=identity value (the first one; media-level ones are ignored), or null. */
export function identityValue(sdp) {
    for (const line of lines(sdp)) {
        if (line.startsWith('m=')) {
            return null;
        }
        const match = /^a=identity:(\S+)/i.exec(line);
        if (match) {
            return match[1];
        }
    }
    return null;
}

/** The SDP with its session-level a=identity replaced by (or set to) value, before the first m= line; CRLF. */
export function withIdentity(sdp, value) {
    const out = [];
    let inserted = false;
    let session = true;
    for (const line of lines(sdp)) {
        if (line.startsWith('m=')) {
            if (!inserted) {
                out.push('a=identity:' + value);
                inserted = true;
            }
            session = false;
        }
        if (session && /^a=identity:/i.test(line)) {
            continue;
        }
        out.push(line);
    }
    if (!inserted) {
        out.push('a=identity:' + value);
    }
    return out.join(CRLF) + CRLF;
}

/** The SDP with every a=fingerprint digest replaced: what a signaling server in the middle would send. */
export function withFingerprint(sdp, digest) {
    return lines(sdp).map((line) => line.replace(/^(a=fingerprint:\S+\s+)[0-9A-Fa-f:]+/i, '$1' + digest))
        .join(CRLF) + CRLF;
}
