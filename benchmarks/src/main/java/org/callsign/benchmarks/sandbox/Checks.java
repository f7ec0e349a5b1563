package org.callsign.benchmarks.sandbox;

/** Set-up checks, so that no benchmark measures a failure path by mistake. */
public final class Checks {
    private Checks() {}

    public static void expect(Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("benchmark set-up: expected " + expected + " but got " + actual);
        }
    }
}
