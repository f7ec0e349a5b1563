package org.callsign.server.api;

/**
 * An error code of a service's JSON API: the wire value of the {@code error} member of its error bodies, which
 * clients branch on, and the HTTP status that carries it. Each service lists its codes in an enum implementing this.
 */
public interface ErrorCode {

    /** The wire value, such as {@code invalid-request}. */
    String code();

    /** The HTTP status, such as 400. */
    int status();
}
