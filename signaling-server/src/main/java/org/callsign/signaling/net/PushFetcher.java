package org.callsign.signaling.net;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the {@link org.callsign.wellknown.fetch.Fetcher} that posts Web Push messages to the push services that
 * devices name: push endpoints come from clients, so this fetcher reaches public addresses only (loopback too, with
 * plain HTTP, when {@code net.allow-loopback} is on), and neither caches nor follows redirects.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface PushFetcher {}
