package org.callsign.signaling.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock of every time-dependent service (token expiry, rate limits); tests replace it with a bean of their own. */
@Dependent
public class ClockProducer {

    /** UTC system time. */
    @Produces
    @DefaultBean
    static final Clock SYSTEM = Clock.systemUTC();
}
