package org.callsign.shim.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * The host functions behind one realm's globals ({@code realm.js} wraps them): location, URL parsing,
 * console, timers, crypto and fetch. Everything that crosses into Java is a string or a number, checked
 * and bounded here; nothing of the host is returned but strings, numbers and booleans.
 */
final class RealmHost {
    static final int MAX_TIMERS = 100;
    static final int MAX_LOG_MESSAGES = 100;
    static final int MAX_LOG_CHARS = 1000;
    private static final System.Logger LOG = System.getLogger("org.callsign.shim.sandbox.idp");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A pending {@code setTimeout}. */
    record Timer(long dueNanos, int id) {}

    private final URI location;
    private final HostCrypto crypto = new HostCrypto();
    private final RealmFetch fetch;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) ->
            a.dueNanos() != b.dueNanos() ? Long.compare(a.dueNanos(), b.dueNanos()) : Integer.compare(a.id(), b.id()));
    private final Map<Integer, Timer> timersById = new HashMap<>();
    private int logMessages;

    RealmHost(URI location, RealmFetch fetch) {
        this.location = location;
        this.fetch = fetch;
    }

    /** The object the prelude receives as {@code host}. */
    ProxyObject proxy() {
        Map<String, Object> members = new HashMap<>();
        members.put("location", fn(args -> location.toString()));
        members.put("parseUrl", fn(args -> parseUrl(args[0].asString(), args[1].isNull() ? null : args[1].asString())));
        members.put("log", fn(args -> log(args[0].asString(), args[1].asString())));
        members.put("addTimer", fn(args -> addTimer(args[0].asInt(), args[1].asDouble())));
        members.put("cancelTimer", fn(args -> cancelTimer(args[0].asInt())));
        members.put("btoa", fn(args -> HostBase64.btoa(args[0].asString())));
        members.put("atob", fn(args -> HostBase64.atob(args[0].asString())));
        members.put("encodeBuffer", fn(args -> HostBase64.encodeBuffer(args[0], args[1].asLong(), args[2].asLong())));
        members.put(
                "base64Length",
                fn(args ->
                        HostBase64Arrays.decodedLength(args[0].asString(), args[1].asBoolean(), args[2].asString())));
        members.put("base64Into", fn(args -> {
            HostBase64Arrays.decodeInto(args[0].asString(), args[1].asBoolean(), args[2].asString(), args[3]);
            return null;
        }));
        members.put(
                "base64Of",
                fn(args -> HostBase64Arrays.encode(
                        args[0], args[1].asLong(), args[2].asLong(), args[3].asBoolean(), args[4].asBoolean())));
        members.put("randomBytes", fn(args -> crypto.randomBytes(args[0].asInt())));
        members.put("digest", fn(args -> crypto.digest(args[0].asString(), args[1].asString())));
        members.put(
                "importKey",
                fn(args -> crypto.importKey(
                        args[0].asString(),
                        args[1].asString(),
                        args[2].asString(),
                        args[3].asString(),
                        args[4].asString())));
        members.put(
                "verify",
                fn(args -> crypto.verify(
                        args[0].asInt(),
                        args[1].asString(),
                        args[2].asString(),
                        args[3].asString(),
                        args[4].asString())));
        members.put(
                "sign",
                fn(args -> crypto.sign(args[0].asInt(), args[1].asString(), args[2].asString(), args[3].asString())));
        members.put(
                "fetch",
                fn(args -> fetch.fetch(
                        args[0].asString(),
                        args[1].asString(),
                        args[2].asString(),
                        args[3].isNull() ? null : args[3].asString())));
        return ProxyObject.fromMap(members);
    }

    private static ProxyExecutable fn(ProxyExecutable body) {
        return args -> {
            try {
                return body.execute(args);
            } catch (ClassCastException
                    | IllegalStateException
                    | UnsupportedOperationException
                    | ArrayIndexOutOfBoundsException
                    | NullPointerException e) {
                throw new SandboxFault("invalid arguments");
            }
        };
    }

    /** The earliest pending timer, or {@code null}. */
    Timer nextTimer() {
        return timers.peek();
    }

    void removeTimer(Timer timer) {
        timers.remove(timer);
        timersById.remove(timer.id());
    }

    void resetLogBudget() {
        logMessages = 0;
    }

    private Object addTimer(int id, double delayMillis) {
        if (timers.size() >= MAX_TIMERS) {
            throw new SandboxFault("more than " + MAX_TIMERS + " pending timers");
        }
        long delay = (long) Math.min(Math.max(0, delayMillis), 86_400_000d);
        Timer timer = new Timer(System.nanoTime() + delay * 1_000_000, id);
        timers.add(timer);
        timersById.put(id, timer);
        return null;
    }

    private Object cancelTimer(int id) {
        Timer timer = timersById.remove(id);
        if (timer != null) {
            timers.remove(timer);
        }
        return null;
    }

    private Object log(String level, String message) {
        if (++logMessages > MAX_LOG_MESSAGES) {
            return null;
        }
        String text = message.length() > MAX_LOG_CHARS ? message.substring(0, MAX_LOG_CHARS) + "..." : message;
        System.Logger.Level logLevel =
                switch (level) {
                    case "error" -> System.Logger.Level.WARNING;
                    case "warn" -> System.Logger.Level.INFO;
                    default -> System.Logger.Level.DEBUG;
                };
        LOG.log(logLevel, "[{0}] {1}", location, text.replaceAll("[\\p{Cntrl}&&[^\t]]", "?"));
        return null;
    }

    /** The origin ({@code scheme://host[:port]}) of an absolute URI, as the realm's {@code location.origin}. */
    static String originOf(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + hostAndPort(uri);
    }

    /** {@code host[:port]}, the port only when it is not the scheme's default. */
    private static String hostAndPort(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** WHATWG-style URL components as JSON, or {@code {"error":…}}. */
    static String parseUrl(String input, String base) {
        ObjectNode out = JSON.createObjectNode();
        try {
            if (input.length() > 4096 || (base != null && base.length() > 4096)) {
                throw new IllegalArgumentException("URL too long");
            }
            URI uri = base == null ? new URI(input) : new URI(base).resolve(new URI(input));
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
                throw new IllegalArgumentException("Invalid URL: " + HostCrypto.bounded(input));
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = hostAndPort(uri);
            int port = uri.getPort();
            boolean defaultPort = host.equals(uri.getHost().toLowerCase(Locale.ROOT));
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String search = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String hash = uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment();
            out.put("protocol", scheme + ":");
            out.put("host", host);
            out.put("hostname", uri.getHost().toLowerCase(Locale.ROOT));
            out.put("port", defaultPort ? "" : String.valueOf(port));
            out.put("pathname", path);
            out.put("search", search);
            out.put("hash", hash);
            out.put("origin", originOf(uri));
            out.put("href", scheme + "://" + host + path + search + hash);
        } catch (Exception e) {
            out.removeAll();
            out.put("error", "Invalid URL: " + HostCrypto.bounded(input));
        }
        return out.toString();
    }
}
