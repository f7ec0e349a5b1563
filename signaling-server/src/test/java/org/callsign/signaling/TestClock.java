package org.callsign.signaling;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.callsign.wellknown.testing.MutableClock;

/** In {@code @QuarkusTest}s, the clock of every service is one that tests move forward. */
@Dependent
public class TestClock {

    @Produces
    @Singleton
    MutableClock clock() {
        return new MutableClock(Instant.now());
    }
}
