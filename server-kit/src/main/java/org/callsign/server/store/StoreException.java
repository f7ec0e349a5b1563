package org.callsign.server.store;

/** A store could not be opened, read or written. Messages name the file or namespace, never a stored value. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
