package org.callsign.shim.cli;

/** A command line the CLI cannot run: unknown command or flag, missing value, unreadable file. Exit 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
