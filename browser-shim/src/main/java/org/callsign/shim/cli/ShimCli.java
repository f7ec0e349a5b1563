package org.callsign.shim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.IdentityAsserter;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.identity.PeerIdentity;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sdp.SessionDescription;

/**
 * The {@code shim} command line: {@code assert} adds {@code a=identity} to an SDP as the authenticating
 * party; {@code verify} checks one as the relying party and prints one JSON object. A public interface:
 * its flags, output and exit codes are documented in {@code browser-shim/README.md} and change only with a
 * note in the changelog. Exit codes: 0 success, 1 identity failure, 2 usage error, 3 no {@code a=identity}.
 */
public final class ShimCli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int ABSENT = 3;

    static final String USAGE_TEXT =
            """
            usage: shim assert --idp HOST[:PORT] --origin ORIGIN --sdp FILE [--protocol P] [--username-hint U]
                               [--bearer TOKEN] [--ca-file PEM] [--resolve HOST:PORT:ADDR]...
                               [--allow-http-loopback] [--timeout-ms N]
                   shim verify --sdp FILE --origin ORIGIN [--peer-identity ID] [--trusted-idp IDPHOST=DOMAIN]...
                               [--ca-file PEM] [--resolve HOST:PORT:ADDR]... [--allow-http-loopback] [--timeout-ms N]
            FILE may be - for standard input.""";

    private static final Set<String> COMMON = Set.of("--origin", "--sdp", "--ca-file", "--resolve", "--timeout-ms");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream stdin;
    private final PrintStream out;
    private final PrintStream err;

    ShimCli(InputStream stdin, PrintStream out, PrintStream err) {
        this.stdin = stdin;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new ShimCli(System.in, System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "assert" -> assertCommand(rest);
                case "verify" -> verifyCommand(rest);
                default -> throw new UsageException("unknown command: " + args[0]);
            };
        } catch (UsageException e) {
            err.println("shim: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
    }

    private int assertCommand(List<String> args) throws UsageException {
        CliOptions options = CliOptions.parse(
                args,
                union(COMMON, Set.of("--idp", "--protocol", "--username-hint", "--bearer")),
                Set.of("--resolve"),
                Set.of("--allow-http-loopback"));
        String origin = options.required("--origin");
        String sdpText = read(options.required("--sdp"));
        String idpDomain = options.required("--idp");
        String protocol = Optional.ofNullable(options.optional("--protocol")).orElse(IdpProxyAddress.DEFAULT_PROTOCOL);
        try {
            IdpProxyAddress idp = IdpProxyAddress.of(idpDomain, protocol);
            Map<String, String> bearer = new HashMap<>();
            if (options.optional("--bearer") != null) {
                String origins = CliSandbox.originOf(idp, options.has("--allow-http-loopback"));
                bearer.put(origins, options.optional("--bearer"));
            }
            try (IdpSandbox sandbox = CliSandbox.create(options, bearer)) {
                SessionDescription sdp = SessionDescription.parse(sdpText);
                SessionDescription asserted = new IdentityAsserter(sandbox)
                        .assertIdentity(
                                sdp,
                                idp,
                                origin,
                                new GenerateOptions(idp.protocol(), options.optional("--username-hint"), null));
                out.print(asserted);
                out.flush();
                return OK;
            }
        } catch (IdentityException e) {
            out.println(failure(e));
            return FAILED;
        }
    }

    private int verifyCommand(List<String> args) throws UsageException {
        CliOptions options = CliOptions.parse(
                args,
                union(COMMON, Set.of("--peer-identity", "--trusted-idp")),
                Set.of("--resolve", "--trusted-idp"),
                Set.of("--allow-http-loopback"));
        String origin = options.required("--origin");
        String sdpText = read(options.required("--sdp"));
        DomainRule rule = new DomainRule(trustedIdps(options.all("--trusted-idp")));
        try (IdpSandbox sandbox = CliSandbox.create(options, Map.of())) {
            SessionDescription sdp = SessionDescription.parse(sdpText);
            PeerIdentity peer = new PeerIdentity(new IdentityVerifier(sandbox, rule), origin);
            if (options.optional("--peer-identity") != null) {
                peer.requireTarget(options.optional("--peer-identity"));
            }
            Optional<VerifiedIdentity> verified = peer.onRemoteDescription(sdp);
            if (verified.isEmpty()) {
                out.println("{\"status\":\"absent\"}");
                return ABSENT;
            }
            ObjectNode result = JSON.createObjectNode();
            result.put("status", "verified");
            result.put("identity", verified.get().name());
            ObjectNode idp = result.putObject("idp");
            idp.put("domain", verified.get().idp().domain());
            idp.put("protocol", verified.get().idp().protocol());
            out.println(result);
            return OK;
        } catch (IdentityException e) {
            out.println(failure(e));
            return FAILED;
        }
    }

    /** {@code --trusted-idp IDPHOST=DOMAIN}: IDPHOST may assert identities at DOMAIN. */
    private static Map<String, Set<String>> trustedIdps(List<String> entries) throws UsageException {
        Map<String, Set<String>> trusted = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new UsageException("--trusted-idp must be IDPHOST=DOMAIN: " + entry);
            }
            try {
                String idpHost =
                        DomainRule.normalise("x@" + entry.substring(0, eq)).substring(2);
                String domain =
                        DomainRule.normalise("x@" + entry.substring(eq + 1)).substring(2);
                trusted.computeIfAbsent(domain, d -> new HashSet<>()).add(idpHost);
            } catch (IdentityException e) {
                throw new UsageException("--trusted-idp: " + e.getMessage());
            }
        }
        return trusted;
    }

    static String failure(IdentityException e) {
        ObjectNode result = JSON.createObjectNode();
        result.put("status", "failed");
        result.put("error", e.error().code());
        result.put("message", e.getMessage());
        if (e.httpRequestStatusCode() >= 0) {
            result.put("httpRequestStatusCode", e.httpRequestStatusCode());
        }
        if (e.error() == IdentityError.IDP_NEED_LOGIN && e.idpLoginUrl() != null) {
            result.put("idpLoginUrl", e.idpLoginUrl());
        }
        if (e.idpErrorInfo() != null) {
            result.put("idpErrorInfo", e.idpErrorInfo());
        }
        return result.toString();
    }

    private String read(String file) throws UsageException {
        try {
            byte[] bytes = file.equals("-") ? stdin.readNBytes(1 << 20) : Files.readAllBytes(Path.of(file));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
