package org.callsign.wellknown.fetch;

/**
 * Loads a document from another domain under a {@link FetchPolicy}. Every module that fetches anything
 * named by untrusted input (an IdP proxy script, a WebFinger document, a signaling server's description)
 * goes through this interface, so the limits are enforced in one place.
 */
public interface Fetcher {
    /**
     * Fetches with GET, following redirects the policy allows.
     *
     * @throws FetchException with the {@link FetchFailure} that stopped it
     */
    FetchResult fetch(FetchRequest request) throws FetchException;
}
