package org.callsign.signaling.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The federation key file: created owner-only, reloaded as the same key, refused when others may read it. */
class FederationKeysTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("federation-key.jwk");
    }

    @Test
    void createsTheKeyFileReadableByItsOwnerOnly() throws Exception {
        FederationKeys keys = FederationKeys.loadOrCreate(file());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        ECKey stored = (ECKey) JWK.parse(Files.readString(file()));
        assertTrue(stored.isPrivate());
        assertEquals(keys.kid(), stored.getKeyID());
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count(), "no temporary file left behind");
        }
    }

    @Test
    void createsAMissingParentDirectoryOwnerOnly() throws Exception {
        Path nested = dir.resolve("data/federation-key.jwk");

        FederationKeys.loadOrCreate(nested);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nested.getParent())));
    }

    @Test
    void reloadsTheSameKey() throws Exception {
        FederationKeys created = FederationKeys.loadOrCreate(file());

        FederationKeys loaded = FederationKeys.loadOrCreate(file());

        assertEquals(created.kid(), loaded.kid());
        assertEquals(created.signingKey(), loaded.signingKey());
    }

    @Test
    void kidIsTheRfc7638Thumbprint() throws Exception {
        FederationKeys keys = FederationKeys.loadOrCreate(file());

        assertEquals(keys.signingKey().toPublicJWK().computeThumbprint().toString(), keys.kid());
        assertEquals(43, keys.kid().length());
    }

    @Test
    void publishesThePublicKeyForEs256SignaturesOnly() throws Exception {
        FederationKeys keys = FederationKeys.loadOrCreate(file());

        Map<String, Object> published = keys.publicKeys().toJSONObject(false);
        JWK jwk = keys.publicKeys().getKeyByKeyId(keys.kid());

        assertEquals(1, keys.publicKeys().getKeys().size());
        assertFalse(jwk.isPrivate());
        assertFalse(published.toString().contains("\"d\""));
        assertFalse(keys.publicKeys()
                .toString(false)
                .contains(keys.signingKey().getD().toString()));
        assertEquals(KeyUse.SIGNATURE, jwk.getKeyUse());
        assertEquals(JWSAlgorithm.ES256, jwk.getAlgorithm());
        assertEquals(Curve.P_256, ((ECKey) jwk).getCurve());
    }

    @Test
    void neverPrintsThePrivateKey() throws Exception {
        FederationKeys keys = FederationKeys.loadOrCreate(file());

        String printed = keys.toString();

        assertFalse(printed.contains(keys.signingKey().getD().toString()));
        assertEquals("FederationKeys[kid=" + keys.kid() + ", file " + file() + "]", printed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----", "rw-rw-rw-"})
    void refusesAKeyFileThatOthersMayUse(String permissions) throws Exception {
        FederationKeys.loadOrCreate(file());
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString(permissions));

        IOException e = assertThrows(IOException.class, () -> FederationKeys.loadOrCreate(file()));

        assertEquals(
                "federation key file " + file() + " has permissions " + permissions
                        + ", wider than rw-------; if the key cannot have leaked run chmod 600 on it, otherwise delete"
                        + " it and a new key will be generated",
                e.getMessage());
        assertEquals(permissions, PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    }

    @Test
    void acceptsAReadOnlyKeyFile() throws Exception {
        FederationKeys created = FederationKeys.loadOrCreate(file());
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("r--------"));

        assertEquals(created.kid(), FederationKeys.loadOrCreate(file()).kid());
    }

    @Test
    void refusesAFileThatIsNotAJwkWithoutQuotingIt() throws Exception {
        ownerOnly("{\"kty\":\"EC\",\"d\":\"c2VjcmV0LWtleS1tYXRlcmlhbA\"");

        IOException e = assertThrows(IOException.class, () -> FederationKeys.loadOrCreate(file()));

        assertEquals("federation key file " + file() + " is not a JSON Web Key", e.getMessage());
    }

    @Test
    void refusesAnRsaKey() throws Exception {
        ownerOnly(new RSAKeyGenerator(2048).generate().toJSONString());

        IOException e = assertThrows(IOException.class, () -> FederationKeys.loadOrCreate(file()));

        assertEquals("federation key file " + file() + " is not a P-256 key (kty EC, crv P-256)", e.getMessage());
    }

    @Test
    void refusesAPublicKeyOnly() throws Exception {
        ownerOnly(new ECKeyGenerator(Curve.P_256).generate().toPublicJWK().toJSONString());

        IOException e = assertThrows(IOException.class, () -> FederationKeys.loadOrCreate(file()));

        assertEquals("federation key file " + file() + " holds no private key (d)", e.getMessage());
    }

    @Test
    void refusesAKidThatIsNotTheThumbprint() throws Exception {
        ownerOnly(new ECKeyGenerator(Curve.P_256).keyID("my-key").generate().toJSONString());

        IOException e = assertThrows(IOException.class, () -> FederationKeys.loadOrCreate(file()));

        assertEquals(
                "federation key file " + file() + " names kid my-key, not its RFC 7638 thumbprint", e.getMessage());
    }

    @Test
    void refusesAPrivateKeyOfAnotherPublicKey() throws Exception {
        ECKey one = new ECKeyGenerator(Curve.P_256).generate();
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        ownerOnly(new ECKey.Builder(one.toPublicJWK()).d(other.getD()).build().toJSONString());

        IOException e = assertThrows(IOException.class, () -> FederationKeys.loadOrCreate(file()));

        assertEquals(
                "federation key file " + file() + " holds a private key that does not match its public key",
                e.getMessage());
    }

    @Test
    void acceptsAKeyGeneratedElsewhereWithoutKidUseOrAlg() throws Exception {
        ECKey bare = new ECKeyGenerator(Curve.P_256).generate();
        ownerOnly(bare.toJSONString());

        FederationKeys keys = FederationKeys.loadOrCreate(file());

        assertEquals(bare.computeThumbprint().toString(), keys.kid());
        assertEquals(KeyUse.SIGNATURE, keys.signingKey().getKeyUse());
        assertEquals(JWSAlgorithm.ES256, keys.signingKey().getAlgorithm());
    }

    private void ownerOnly(String content) throws IOException {
        Files.writeString(file(), content);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
    }
}
