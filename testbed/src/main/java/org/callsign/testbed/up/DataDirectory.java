package org.callsign.testbed.up;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The data directory of {@code ./callsign up}, all its state, kept across restarts:
 *
 * <pre>
 * ca/ca.pem, ca/ca.key         the local CA (key rw-------)
 * tls/idp.crt, tls/idp.key     the IdP's certificate chain and key (rw-------)
 * tls/signaling.crt, .key      the signaling server's
 * idp/                         the IdP's data directory: its store with accounts and signing keys
 * signaling/                   the signaling server's: store, federation key, VAPID key, authorised fingerprints
 * admin-secret                 the signaling server's registration admin secret (rw-------)
 * logs/idp.log, signaling.log  the services' output
 * run/idp-server.ready, …      each service's ready file ({@link org.callsign.server.ready.ReadyFile}), while it runs
 * cache/                       the services' class-data caches ({@link ClassDataCache}), made again when removed
 * </pre>
 */
public final class DataDirectory {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /** Creates the directories that are missing under {@code root} ({@code ca/} is {@code rwx------}). */
    public static DataDirectory prepare(Path root) throws IOException {
        DataDirectory directory = new DataDirectory(root.toAbsolutePath().normalize());
        Files.createDirectories(directory.root);
        Path ca = directory.root.resolve("ca");
        if (!Files.isDirectory(ca)) {
            Files.createDirectory(
                    ca, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        for (Path dir : List.of(
                directory.tls(),
                directory.idp(),
                directory.signaling(),
                directory.logs(),
                directory.run(),
                directory.cache())) {
            Files.createDirectories(dir);
        }
        return directory;
    }

    public Path root() {
        return root;
    }

    public Path caCertificate() {
        return root.resolve("ca").resolve("ca.pem");
    }

    public Path caKey() {
        return root.resolve("ca").resolve("ca.key");
    }

    public Path tls() {
        return root.resolve("tls");
    }

    public Path idp() {
        return root.resolve("idp");
    }

    public Path signaling() {
        return root.resolve("signaling");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** The services' ready files: {@code run/<service>.ready}. */
    public Path run() {
        return root.resolve("run");
    }

    public Path cache() {
        return root.resolve("cache");
    }

    public Path adminSecretFile() {
        return root.resolve("admin-secret");
    }

    /**
     * The admin secret: read from {@link #adminSecretFile()}, or 32 random bytes (base64url, 43 characters) written
     * there {@code rw-------} on first start.
     */
    public String adminSecret() throws IOException {
        Path file = adminSecretFile();
        if (Files.exists(file)) {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.length() < 32) {
                throw new IOException(file + ": the admin secret must have at least 32 characters; delete the file"
                        + " to have a new one made");
            }
            return secret;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Pem.writeSecret(file, secret + "\n");
        return secret;
    }
}
