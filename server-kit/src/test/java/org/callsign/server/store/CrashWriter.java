package org.callsign.server.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link MvStoreCrashTest}: writes {@code count} entries to the store in {@code args[0]}, one
 * per put, and prints {@code ACK i} after each put has returned, until it is killed.
 */
public final class CrashWriter {

    static final String NAMESPACE = "crash";

    private CrashWriter() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        KeyValueStore store = MvStoreKeyValueStore.open(dataDir, "crash.mv.db");
        for (int i = 0; i < count; i++) {
            store.put(NAMESPACE, key(i), value(i));
            System.out.println("ACK " + i);
            System.out.flush();
        }
        // Never closed: the test kills this process mid-write.
    }

    static String key(int i) {
        return "entry-" + i;
    }

    static byte[] value(int i) {
        return ("value of entry " + i).getBytes(UTF_8);
    }
}
