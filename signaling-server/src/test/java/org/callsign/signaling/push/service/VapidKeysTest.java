package org.callsign.signaling.push.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VAPID key file: PEM, created owner-only, reloaded as the same key, refused when unusable. */
class VapidKeysTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("vapid-key.pem");
    }

    private void ownerOnly(String text) throws IOException {
        Files.writeString(file(), text);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void createsAPemKeyFileReadableByItsOwnerOnly() throws Exception {
        VapidKeys keys = VapidKeys.loadOrCreate(file());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        String pem = Files.readString(file());
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), pem.substring(0, 30));
        assertTrue(pem.contains("-----BEGIN PUBLIC KEY-----\n"));
        assertFalse(keys.toString().contains(pem.substring(28, 60)), "no private key material in toString");
    }

    @Test
    void publishesTheUncompressedPublicKeyAsBrowsersTakeIt() {
        byte[] point = Base64.getUrlDecoder().decode(VapidKeys.generated().publicKey());

        assertEquals(65, point.length);
        assertEquals(0x04, point[0]);
        assertEquals(null, P256Points.problem(point));
    }

    @Test
    void reloadsTheSameKey() throws Exception {
        VapidKeys created = VapidKeys.loadOrCreate(file());

        assertEquals(created.publicKey(), VapidKeys.loadOrCreate(file()).publicKey());
    }

    @Test
    void refusesAKeyFileThatOthersMayRead() throws Exception {
        VapidKeys.loadOrCreate(file());
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

        IOException e = assertThrows(IOException.class, () -> VapidKeys.loadOrCreate(file()));

        assertTrue(
                e.getMessage().startsWith("VAPID key file " + file() + " has permissions rw-r--r--"), e.getMessage());
    }

    @Test
    void refusesAFileWithoutBothBlocks() throws Exception {
        ownerOnly(
                "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n");

        IOException e = assertThrows(IOException.class, () -> VapidKeys.loadOrCreate(file()));

        assertEquals(
                "VAPID key file " + file() + " needs a PEM PRIVATE KEY (PKCS#8) and a PUBLIC KEY block",
                e.getMessage());
    }

    @Test
    void refusesAPrivateKeyThatDoesNotMatchItsPublicKey() throws Exception {
        VapidKeys.loadOrCreate(file());
        String first = Files.readString(file());
        Files.delete(file());
        VapidKeys.loadOrCreate(file());
        String second = Files.readString(file());
        String privateBlock = first.substring(0, first.indexOf("-----BEGIN PUBLIC KEY-----"));
        String publicBlock = second.substring(second.indexOf("-----BEGIN PUBLIC KEY-----"));
        assertNotEquals(first, second);
        ownerOnly(privateBlock + publicBlock);

        IOException e = assertThrows(IOException.class, () -> VapidKeys.loadOrCreate(file()));

        assertEquals(
                "VAPID key file " + file() + " holds a private key that does not match its public key", e.getMessage());
    }

    @Test
    void refusesBlocksThatAreNoKeysWithoutQuotingThem() throws Exception {
        ownerOnly("-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n"
                + "-----BEGIN PUBLIC KEY-----\nc2VjcmV0\n-----END PUBLIC KEY-----\n");

        IOException e = assertThrows(IOException.class, () -> VapidKeys.loadOrCreate(file()));

        assertEquals("VAPID key file " + file() + " holds no readable EC key pair", e.getMessage());
    }
}
