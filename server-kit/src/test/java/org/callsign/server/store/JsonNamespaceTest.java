package org.callsign.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonNamespaceTest {

    /** A stored record. */
    record Pet(String name, int legs, Instant born) {}

    private static final Instant BORN = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private MvStoreKeyValueStore store;
    private JsonNamespace<Pet> pets;

    @BeforeEach
    void open() {
        store = MvStoreKeyValueStore.open(dir, "pets.mv.db");
        pets = new JsonNamespace<>(store, "pets", Pet.class);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void storesRecordsAsJson() {
        pets.put("rex", new Pet("Rex", 4, BORN));
        assertEquals(Optional.of(new Pet("Rex", 4, BORN)), pets.get("rex"));
        assertEquals(
                "{\"name\":\"Rex\",\"legs\":4,\"born\":\"2030-01-01T00:00:00Z\"}",
                new String(store.get("pets", "rex").orElseThrow(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(pets.remove("rex"));
        assertEquals(Optional.empty(), pets.get("rex"));
    }

    @Test
    void removeWhereRemovesOnlyMatchingRecordsAndCountsThem() {
        pets.update(
                Map.of(
                        "rex",
                        new Pet("Rex", 4, BORN),
                        "tweety",
                        new Pet("Tweety", 2, BORN),
                        "lassie",
                        new Pet("L", 4, BORN)),
                List.of());
        assertEquals(2, pets.removeWhere(pet -> pet.legs() == 4));
        assertEquals(List.of("tweety"), List.copyOf(pets.entries().keySet()));
        assertEquals(0, pets.removeWhere(pet -> pet.legs() == 4));
    }

    @Test
    void removeWhereKeepsARecordRewrittenBetweenItsReadAndItsWrite() {
        pets.put("rex", new Pet("Rex", 4, BORN));
        boolean[] rewritten = {false};
        int removed = pets.removeWhere(pet -> {
            if (!rewritten[0]) {
                // Another process gives Rex a new record after this one read the old.
                rewritten[0] = true;
                pets.put("rex", new Pet("Rex", 3, BORN));
            }
            return pet.legs() == 4;
        });
        assertEquals(0, removed);
        assertEquals(Optional.of(new Pet("Rex", 3, BORN)), pets.get("rex"));
    }

    @Test
    void putIfAbsentWritesOnlyANewKey() {
        assertTrue(pets.putIfAbsent("rex", new Pet("Rex", 4, BORN)));
        assertFalse(pets.putIfAbsent("rex", new Pet("Other", 3, BORN)));
        assertEquals(Optional.of(new Pet("Rex", 4, BORN)), pets.get("rex"));
    }

    @Test
    void computeChangesTheRecordAndRemovesOnEmpty() {
        Pet rex = new Pet("Rex", 4, BORN);
        assertEquals(Optional.of(rex), pets.compute("rex", current -> current.or(() -> Optional.of(rex))));
        Pet lame = new Pet("Rex", 3, BORN);
        assertEquals(
                Optional.of(lame),
                pets.compute("rex", current -> current.map(pet -> new Pet(pet.name(), pet.legs() - 1, pet.born()))));
        assertEquals(Optional.empty(), pets.compute("rex", current -> Optional.empty()));
        assertEquals(Optional.empty(), pets.get("rex"));
    }

    @Test
    void unreadableRecordNamesNamespaceAndKeyOnly() {
        store.put("pets", "bad", "{\"legs\":\"secret\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StoreException e = assertThrows(StoreException.class, () -> pets.get("bad"));
        assertEquals("pets record bad is unreadable (InvalidFormatException)", e.getMessage());
    }

    @Test
    void refusesAnInvalidNamespace() {
        assertThrows(IllegalArgumentException.class, () -> new JsonNamespace<>(store, "Pets", Pet.class));
    }
}
