package org.callsign.testbed.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path temp;

    @Test
    void adminSecretIsMadeOnceOwnerOnly() throws IOException {
        DataDirectory data = DataDirectory.prepare(temp);
        String secret = data.adminSecret();
        assertEquals(43, secret.length());
        assertEquals(secret, data.adminSecret());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.adminSecretFile())));
    }

    @Test
    void shortAdminSecretIsRefused() throws IOException {
        DataDirectory data = DataDirectory.prepare(temp);
        Files.writeString(data.adminSecretFile(), "short\n");
        IOException e = assertThrows(IOException.class, data::adminSecret);
        assertTrue(e.getMessage().contains("at least 32 characters"), e.getMessage());
    }

    @Test
    void caDirectoryIsOwnerOnly() throws IOException {
        DataDirectory data = DataDirectory.prepare(temp.resolve("data"));
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(data.caCertificate().getParent())));
    }

    @Test
    void prepareMakesTheDirectoryOfTheReadyFiles() throws IOException {
        DataDirectory data = DataDirectory.prepare(temp.resolve("data"));
        assertEquals(temp.resolve("data").toAbsolutePath().resolve("run"), data.run());
        assertTrue(Files.isDirectory(data.run()));
    }
}
