package org.callsign.testbed.up;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpCertificatesTest {
    private static final List<String> NAMES = List.of("idp.callsign.localhost", "127.0.0.1");

    @TempDir
    Path temp;

    @Test
    void caIsMadeOnceAndLoadedAfter() throws IOException {
        DataDirectory data = DataDirectory.prepare(temp);
        LocalCa first = UpCertificates.ca(data);
        LocalCa again = UpCertificates.ca(data);
        assertEquals(first.certificate(), again.certificate());
        assertEquals("rw-------", permissions(data.caKey()));
    }

    @Test
    void serverCertificateIsReusedWhileGood() throws IOException {
        DataDirectory data = DataDirectory.prepare(temp);
        LocalCa ca = UpCertificates.ca(data);
        CertificateFiles files = UpCertificates.server(ca, data, "idp", NAMES);
        byte[] chain = Files.readAllBytes(files.chain());
        UpCertificates.server(ca, data, "idp", NAMES);
        assertArrayEquals(chain, Files.readAllBytes(files.chain()));
        assertEquals("rw-------", permissions(files.key()));
    }

    @Test
    void serverCertificateIsIssuedAgainForOtherNames() throws IOException {
        DataDirectory data = DataDirectory.prepare(temp);
        LocalCa ca = UpCertificates.ca(data);
        CertificateFiles files = UpCertificates.server(ca, data, "idp", NAMES);
        byte[] chain = Files.readAllBytes(files.chain());
        UpCertificates.server(ca, data, "idp", List.of("idp.example.test", "127.0.0.1"));
        assertFalse(Arrays.equals(chain, Files.readAllBytes(files.chain())));
    }

    @Test
    void serverCertificateOfAnotherCaIsIssuedAgain() throws IOException {
        DataDirectory data = DataDirectory.prepare(temp);
        CertificateFiles files = UpCertificates.server(UpCertificates.ca(data), data, "idp", NAMES);
        LocalCa other = LocalCa.create("another CA", UpCertificates.CA_VALIDITY);
        UpCertificates.server(other, data, "idp", NAMES);
        assertEquals(
                other.certificate().getSubjectX500Principal(),
                Pem.readCertificates(files.chain()).get(0).getIssuerX500Principal());
    }

    @Test
    void incompleteCaIsRefused() throws IOException {
        DataDirectory data = DataDirectory.prepare(temp);
        UpCertificates.ca(data);
        Files.delete(data.caKey());
        IOException e = assertThrows(IOException.class, () -> UpCertificates.ca(data));
        assertTrue(e.getMessage().startsWith("the CA is incomplete: " + data.caKey() + " is missing"), e.getMessage());
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
