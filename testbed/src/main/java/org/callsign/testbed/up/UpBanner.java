package org.callsign.testbed.up;

import java.io.PrintStream;

/**
 * What {@code ./callsign up} prints once both services are ready: their addresses, the data directory and logs, how
 * to trust the local CA, the owner's first steps and how to stop.
 */
final class UpBanner {
    private final UpOptions options;
    private final DataDirectory data;

    UpBanner(UpOptions options, DataDirectory data) {
        this.options = options;
        this.data = data;
    }

    void print(PrintStream out) {
        String ca = data.caCertificate().toString();
        String idp = options.byAddress(options.idpPort());
        String signaling = options.byAddress(options.signalingPort());
        out.println("Callsign is up for " + options.domain() + ".");
        out.println();
        out.println("  IdP               " + options.idpOrigin() + "   (also " + idp + ")");
        out.println("  signaling server  " + options.signalingOrigin() + "   (also " + signaling + ")");
        out.println("  identities        <user>@" + options.idpHost() + ":" + options.idpPort());
        out.println("  data directory    " + data.root());
        out.println("  logs              " + data.logs().resolve("idp.log") + ", "
                + data.logs().resolve("signaling.log"));
        out.println("  CA certificate    " + ca);
        out.println("  admin secret      " + data.adminSecretFile() + "   (rw-------; never printed)");
        out.println();
        out.println("Trust the local CA (names under .localhost resolve to this machine in browsers and curl):");
        out.println("  curl --cacert " + ca + " " + idp + "/.well-known/openid-configuration");
        out.println("  ./callsign shim verify --ca-file " + ca + " --resolve " + options.idpHost() + ":"
                + options.idpPort() + ":" + options.connectHost() + " ...");
        out.println("  browsers: import " + ca + " as a certificate authority (trusted for websites)");
        out.println();
        out.println("First steps (the owner):");
        out.println("  1. your signaling client; the first client becomes the owner:");
        out.println("     curl --cacert " + ca + " -H \"X-Callsign-Admin-Secret: $(cat " + data.adminSecretFile()
                + ")\" \\");
        out.println("       -H 'Content-Type: application/json' -d '{\"clientID\":\"me\",\"authKey\":\"<long random"
                + " key>\"}' \\");
        out.println("       " + signaling + "/api/clients");
        out.println("  2. your account at the IdP (registration is open):");
        out.println("     curl --cacert " + ca + " -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"username\":\"me\",\"password\":\"<password>\"}' " + idp + "/api/accounts");
        out.println();
        out.println("Ctrl-C stops both. Started again on the same data directory, they keep all their state.");
    }
}
