package org.callsign.signaling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.callsign.server.store.StoreConfig;

/**
 * The signaling server's configuration, every key under {@code callsign.signaling}. Defaults suit a personal server
 * on loopback; the module README lists each key.
 */
@ConfigMapping(prefix = "callsign.signaling")
public interface SignalingConfig {

    /**
     * Directory of the embedded store ({@code signaling.mv.db}) and, by default, of the key files and the authorised
     * fingerprints file, whatever the store's kind; created {@code rwx------} if missing.
     */
    @WithDefault("./data/signaling")
    Path dataDir();

    /**
     * Where the data is kept: {@code store.kind} {@code embedded} (the default) or {@code redis}, and the {@code
     * store.redis.*} settings (url, key-prefix, default {@code callsign:signaling:}, timeout, allow-weak-durability).
     */
    StoreConfig store();

    /** Several nodes behind one address, sharing the Redis store (docs/operations.md). */
    Cluster cluster();

    /**
     * The address people reach this server at ({@code https://host[:port][/path]}), the base of the links it makes.
     * None by default: then a link is based on the scheme, host and port of the request that made it.
     */
    Optional<String> publicUrl();

    /** Who may register clients. */
    Registration registration();

    /** Client keys. */
    Clients clients();

    /** Bearer tokens. */
    Tokens tokens();

    /** Devices. */
    Devices devices();

    /** The authorised fingerprints file. */
    Fingerprints fingerprints();

    /** Rate limits of credential checks. */
    RateLimit rateLimit();

    /** Links that verify a device. */
    Verification verification();

    /** Mail to the owner (verification links). */
    Mail mail();

    /** The STUN and TURN servers handed out as {@code iceServers}. */
    Turn turn();

    /** WebSocket signaling connections. */
    WebSocket websocket();

    /** One-shot HTTP signaling: webexec's {@code /connect}, and the wait for a device's answer (WHIP's too). */
    Connect connect();

    /** WHIP sessions (RFC 9725). */
    Whip whip();

    /** How this server reaches other servers and IdPs: trusted CAs, address rules, DNS. */
    Net net();

    /** Federation with other signaling servers (docs/federation.md). */
    Federation federation();

    /** Calls between people (docs/federation.md). */
    Calls calls();

    /** Who may ring whom (docs/filtering.md). */
    Filter filter();

    /** Web Push notifications that wake a device which is not connected (docs/protocol.md). */
    Push push();

    /** Registration policy (rtcd's self-registration switch and admin secret). */
    interface Registration {

        /**
         * Whether anyone may register a client. When closed, a registration needs the admin secret or an owner's
         * credentials, except the bootstrap: the first client of an empty server, registered from a loopback address.
         */
        @WithDefault("false")
        boolean open();

        /**
         * The admin secret (at least 32 characters), sent as {@code X-Callsign-Admin-Secret} to register clients, and
         * owners, while registration is closed. None by default: then only owners and the bootstrap can.
         */
        Optional<String> adminSecret();
    }

    /** Client configuration. */
    interface Clients {

        /** bcrypt cost of new key hashes, 10 to 31; older hashes are upgraded at the next successful check. */
        @WithDefault("12")
        int bcryptCost();
    }

    /** Bearer-token configuration. */
    interface Tokens {

        /** Lifetime of a bearer token. */
        @WithDefault("24h")
        Duration lifetime();

        /** How often expired tokens and idle rate-limit entries are removed ({@code off} disables it). */
        @WithDefault("10m")
        String sweepInterval();
    }

    /** Device configuration. */
    interface Devices {

        /** Devices one client may register. */
        @WithDefault("64")
        int maxPerClient();
    }

    /** Authorised fingerprints (webexec's {@code authorized_fingerprints}). */
    interface Fingerprints {

        /** The file; default {@code <data-dir>/authorized_fingerprints}. */
        Optional<Path> file();
    }

    /** Rate limits, in memory and per process. */
    interface RateLimit {

        /** Credential checks (Basic auth, token requests) and registrations per minute and client IP. */
        @WithDefault("60")
        int requestsPerMinute();

        /**
         * Bearer-token checks per minute and client IP. A token check costs a hash and a lookup, and a token cannot be
         * guessed, so this only bounds the load one address can cause.
         */
        @WithDefault("600")
        int tokenChecksPerMinute();

        /** Consecutive failed key checks of one client id before it is locked out. */
        @WithDefault("5")
        int clientFailures();

        /** Consecutive failed credential checks from one client IP before it is locked out. */
        @WithDefault("20")
        int ipFailures();

        /** How long a client id or IP is first locked out; doubled by each further failure up to the maximum. */
        @WithDefault("30s")
        Duration lockout();

        /** The cap on the doubling lockout. */
        @WithDefault("15m")
        Duration maxLockout();

        /**
         * bcrypt checks and hashes per second for the whole server (a burst of as many at once): the bound on the
         * CPU that key checks can take, whatever the number of clients or addresses.
         */
        @WithDefault("20")
        int keyChecksPerSecond();

        /** bcrypt checks running at once; default: the number of processors. */
        Optional<Integer> concurrentKeyChecks();
    }

    /** WebSocket signaling ({@code /ws}): resuming, heartbeats and the limits of connections and messages. */
    interface WebSocket {

        /**
         * How long a dropped device stays online with its messages held, for it to resume with its resume token;
         * afterwards it is offline and its sessions end.
         */
        @WithDefault("30s")
        Duration resumeWindow();

        /** Interval of the server's WebSocket pings; a connection silent for twice as long is closed. */
        @WithDefault("25s")
        Duration heartbeat();

        /**
         * Largest text message the server reads, in bytes of UTF-8; a larger one is refused with {@code too-large}
         * and the connection stays open (up to the hard cap {@code quarkus.websockets-next.server.max-message-size},
         * past which the connection closes).
         */
        @WithDefault("65536")
        int maxMessageBytes();

        /** Messages per second one connection may send, in bursts of as many; past it, {@code rate-limited}. */
        @WithDefault("20")
        int messagesPerSecond();

        /** Messages per second all connections of one client may send together, in bursts of as many. */
        @WithDefault("100")
        int clientMessagesPerSecond();

        /** Open connections per client. */
        @WithDefault("64")
        int maxConnectionsPerClient();

        /** Open connections in all. */
        @WithDefault("20000")
        int maxConnections();

        /**
         * Bytes of messages waiting to be written to one connection; a connection further behind is closed as
         * {@code too-slow} (its device may resume, and receives what was held for it). On a cluster, also the most
         * that the messages of a forwarded connection may weigh while they wait at the device's home node to be
         * handled (each counts its length plus 100); past it, the connection is closed as {@code too-slow} too.
         */
        @WithDefault("1048576")
        int maxQueuedBytes();
    }

    /**
     * STUN and TURN servers for devices ({@code GET /api/ice-servers}). TURN credentials follow coturn's REST scheme
     * ({@code use-auth-secret}): the secret is shared with the TURN server and never leaves this server.
     */
    interface Turn {

        /** {@code turn:} and {@code turns:} URLs (RFC 7065) of the TURN server; none by default. Need the secret. */
        Optional<List<String>> urls();

        /** {@code stun:} and {@code stuns:} URLs (RFC 7064), handed out without credentials; none by default. */
        Optional<List<String>> stunUrls();

        /**
         * The secret shared with the TURN server (coturn's {@code static-auth-secret}), at least 32 characters; the
         * server refuses to start with a shorter one. Never logged.
         */
        Optional<String> secret();

        /** Lifetime of TURN credentials, 1 minute to 24 hours. */
        @WithDefault("1h")
        Duration ttl();

        /** Requests for ICE servers per minute and client. */
        @WithDefault("30")
        int requestsPerMinute();
    }

    /** {@code /connect} and WHIP offers waiting for a device's answer. */
    interface Connect {

        /** How long a {@code /connect} or WHIP offer waits for the device's answer before 504 {@code answer-timeout}. */
        @WithDefault("15s")
        Duration answerTimeout();

        /**
         * How long candidates a device trickles after an answer without any are collected into it; its end of
         * candidates ends the wait sooner.
         */
        @WithDefault("2s")
        Duration gatherTimeout();

        /** Offers waiting for an answer at once, server-wide. */
        @WithDefault("64")
        int maxPending();

        /** Offers waiting for an answer at once, per client IP. */
        @WithDefault("4")
        int maxPendingPerIp();
    }

    /** WHIP session resources. */
    interface Whip {

        /** How long a session resource takes trickled candidates and a {@code DELETE}; afterwards it is forgotten. */
        @WithDefault("1h")
        Duration sessionLifetime();

        /** Session resources at once, server-wide. */
        @WithDefault("256")
        int maxSessions();
    }

    /**
     * Mail to the owner, sent through Quarkus' mailer ({@code quarkus.mailer.*}: the SMTP server, TLS and credentials)
     * only when an owner address is set.
     */
    interface Mail {

        /** The owner's address, where verification links are mailed; none by default (no mail). */
        Optional<String> ownerAddress();
    }

    /** Device verification links (peerbook's short-lived link to verify a new device from another one). */
    interface Verification {

        /** How long a link works, 1 minute to 24 hours. */
        @WithDefault("10m")
        Duration linkLifetime();
    }

    /**
     * Outgoing connections to other signaling servers and to IdPs (their proxy scripts, WebFinger, server documents),
     * all through the hardened fetcher of {@code well-known}.
     */
    interface Net {

        /** A PEM file of the certificate authorities trusted for other servers; none: the JDK's default ones. */
        Optional<Path> trustStore();

        /**
         * {@code host:port=ip:port} pairs, as curl's {@code --connect-to}: requests for {@code host:port} go to the
         * address while TLS still checks {@code host}. For tests and single-machine set-ups; none by default.
         */
        Optional<List<String>> connectTo();

        /**
         * Whether other servers and IdPs may be on loopback or private addresses. Off by default: names that resolve
         * there are refused (server-side request forgery).
         */
        @WithDefault("false")
        boolean allowLoopback();

        /** DNS servers ({@code ip[:port]}) asked for SRV records; none: the {@code nameserver}s of resolv.conf. */
        Optional<List<String>> dnsServers();
    }

    /** Federation: signed requests between signaling servers. */
    interface Federation {

        /** Whether this server sends and accepts federation requests (also needs {@code public-url}). */
        @WithDefault("true")
        boolean enabled();

        /** The signing key (a JWK); default {@code <data-dir>/federation-key.jwk}, created {@code rw-------}. */
        Optional<Path> keyFile();

        /** Federation requests accepted per minute and sending server, in bursts of as many. */
        @WithDefault("600")
        int requestsPerMinute();

        /** The deadline of one request to another server, discovery included. */
        @WithDefault("5s")
        Duration timeout();
    }

    /** Calls between people. */
    interface Calls {

        /** How long a call rings before it is missed (and the caller told {@code unavailable}). */
        @WithDefault("45s")
        Duration ringTimeout();

        /** Calls one client may have ringing or in progress at once, as caller or callee. */
        @WithDefault("16")
        int maxActivePerClient();

        /** Calls ringing or in progress at once, server-wide. */
        @WithDefault("4096")
        int maxActive();

        /** Candidates of the caller held for a call until a device of the callee accepts it. */
        @WithDefault("64")
        int maxHeldCandidates();
    }

    /** Each person's call filter. */
    interface Filter {

        /** Allow and block rules one client may hold. */
        @WithDefault("10000")
        int maxRules();
    }

    /**
     * Web Push (RFC 8030) to devices' push services: subscriptions, the VAPID key (RFC 8292) and the sender's limits.
     */
    interface Push {

        /** Whether devices may register push subscriptions and pushes are sent. */
        @WithDefault("true")
        boolean enabled();

        /** Push subscriptions one device may hold; past it, {@code too-many-subscriptions}. */
        @WithDefault("4")
        int maxSubscriptionsPerDevice();

        /**
         * How long a subscription lasts unless the device registers it again; an {@code expirationTime} of the
         * browser's that comes sooner ends it sooner.
         */
        @WithDefault("30d")
        Duration subscriptionLifetime();

        /** The VAPID key (PEM); default {@code <data-dir>/vapid-key.pem}, created {@code rw-------}. */
        Optional<Path> vapidKeyFile();

        /**
         * The contact in every VAPID token ({@code sub}, RFC 8292 §2.1): a {@code mailto:} or {@code https:} URI.
         * Default: {@code mailto:} the owner's mail address when set, else the public URL when it is https.
         */
        Optional<String> vapidSubject();

        /** Threads that send pushes. */
        @WithDefault("2")
        int sendThreads();

        /** Pushes (and retries) waiting for a thread; past it, a push is dropped with a log line. */
        @WithDefault("1024")
        int queue();

        /** The deadline of one request to a push service. */
        @WithDefault("10s")
        Duration timeout();
    }

    /** The VAPID key file in use. */
    default Path vapidKeyFile() {
        return push().vapidKeyFile().orElse(dataDir().resolve("vapid-key.pem"));
    }

    /** The federation signing key file in use. */
    default Path federationKeyFile() {
        return federation().keyFile().orElse(dataDir().resolve("federation-key.jwk"));
    }

    /** The authorised fingerprints file in use. */
    default Path fingerprintsFile() {
        return fingerprints().file().orElse(dataDir().resolve("authorized_fingerprints"));
    }

    /** Nodes that share one Redis store: each device's signaling runs on its client's home node. */
    interface Cluster {

        /** Whether this node is one of several that share the Redis store; needs {@code store.kind=redis}. */
        @WithDefault("false")
        boolean enabled();

        /** How often the node tells the others that it is alive. */
        @WithDefault("1s")
        Duration heartbeat();

        /**
         * How long a node may stay silent before the others take it for dead: they take over its clients, and close
         * the connections they forwarded to it. At least three heartbeats.
         */
        @WithDefault("5s")
        Duration nodeTimeout();
    }
}
