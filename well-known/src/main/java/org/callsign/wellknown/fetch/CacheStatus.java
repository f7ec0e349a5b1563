package org.callsign.wellknown.fetch;

/** Where a {@link FetchResult} came from. */
public enum CacheStatus {
    /** Fetched from the network; there was no usable cache entry. */
    MISS,
    /** Served from the cache while fresh, without a request. */
    HIT,
    /** The cache entry was stale; the server confirmed it with 304 Not Modified. */
    REVALIDATED
}
