package org.callsign.shim.sandbox;

import java.time.Duration;
import java.util.Map;

/**
 * Limits of the IdP proxy sandbox. The community edition of GraalJS has no heap cap, so memory is bounded
 * indirectly: by the script and input sizes, the statement limit, and an allocation budget per operation
 * that a watchdog enforces by cancelling the realm.
 *
 * @param deadline one deadline for loading the script and running the call (W3C webrtc-identity suggests
 *     15 s)
 * @param statementLimit JavaScript statements one operation may execute, load included
 * @param allocationLimitBytes bytes the calling thread may allocate during one operation
 * @param maxScriptBytes largest proxy script accepted
 * @param maxInputChars largest {@code contents} or assertion passed in or out
 * @param maxFetchBytes largest response body the realm's {@code fetch} returns
 * @param maxRealms realms kept alive, least recently used dropped first
 * @param maxConcurrentOperations operations that may run at once; others wait for a slot
 * @param allowHttpLoopback load proxies from {@code http://localhost} or a loopback literal (development)
 * @param bearerTokens bearer tokens by origin ({@code https://idp.example}), sent with the realm's same-origin
 *     fetches
 */
public record SandboxConfig(
        Duration deadline,
        long statementLimit,
        long allocationLimitBytes,
        int maxScriptBytes,
        int maxInputChars,
        int maxFetchBytes,
        int maxRealms,
        int maxConcurrentOperations,
        boolean allowHttpLoopback,
        Map<String, String> bearerTokens) {

    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(15);
    public static final long DEFAULT_STATEMENT_LIMIT = 5_000_000;
    public static final long DEFAULT_ALLOCATION_LIMIT_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_MAX_SCRIPT_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_INPUT_CHARS = 16 * 1024;
    public static final int DEFAULT_MAX_FETCH_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_REALMS = 64;
    public static final int DEFAULT_MAX_CONCURRENT_OPERATIONS = 4;

    public SandboxConfig {
        if (deadline.isNegative()
                || deadline.isZero()
                || statementLimit <= 0
                || allocationLimitBytes <= 0
                || maxScriptBytes <= 0
                || maxInputChars <= 0
                || maxFetchBytes <= 0
                || maxRealms <= 0
                || maxConcurrentOperations <= 0) {
            throw new IllegalArgumentException("sandbox limits must be positive");
        }
        bearerTokens = Map.copyOf(bearerTokens);
    }

    public static SandboxConfig defaults() {
        return new SandboxConfig(
                DEFAULT_DEADLINE,
                DEFAULT_STATEMENT_LIMIT,
                DEFAULT_ALLOCATION_LIMIT_BYTES,
                DEFAULT_MAX_SCRIPT_BYTES,
                DEFAULT_MAX_INPUT_CHARS,
                DEFAULT_MAX_FETCH_BYTES,
                DEFAULT_MAX_REALMS,
                DEFAULT_MAX_CONCURRENT_OPERATIONS,
                false,
                Map.of());
    }

    public SandboxConfig withDeadline(Duration value) {
        return new SandboxConfig(
                value,
                statementLimit,
                allocationLimitBytes,
                maxScriptBytes,
                maxInputChars,
                maxFetchBytes,
                maxRealms,
                maxConcurrentOperations,
                allowHttpLoopback,
                bearerTokens);
    }

    public SandboxConfig withStatementLimit(long value) {
        return new SandboxConfig(
                deadline,
                value,
                allocationLimitBytes,
                maxScriptBytes,
                maxInputChars,
                maxFetchBytes,
                maxRealms,
                maxConcurrentOperations,
                allowHttpLoopback,
                bearerTokens);
    }

    public SandboxConfig withAllocationLimit(long bytes) {
        return new SandboxConfig(
                deadline,
                statementLimit,
                bytes,
                maxScriptBytes,
                maxInputChars,
                maxFetchBytes,
                maxRealms,
                maxConcurrentOperations,
                allowHttpLoopback,
                bearerTokens);
    }

    public SandboxConfig withMaxScriptBytes(int bytes) {
        return new SandboxConfig(
                deadline,
                statementLimit,
                allocationLimitBytes,
                bytes,
                maxInputChars,
                maxFetchBytes,
                maxRealms,
                maxConcurrentOperations,
                allowHttpLoopback,
                bearerTokens);
    }

    public SandboxConfig withHttpLoopback(boolean allow) {
        return new SandboxConfig(
                deadline,
                statementLimit,
                allocationLimitBytes,
                maxScriptBytes,
                maxInputChars,
                maxFetchBytes,
                maxRealms,
                maxConcurrentOperations,
                allow,
                bearerTokens);
    }

    public SandboxConfig withBearerTokens(Map<String, String> tokens) {
        return new SandboxConfig(
                deadline,
                statementLimit,
                allocationLimitBytes,
                maxScriptBytes,
                maxInputChars,
                maxFetchBytes,
                maxRealms,
                maxConcurrentOperations,
                allowHttpLoopback,
                tokens);
    }
}
