package org.callsign.signaling.turn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.callsign.signaling.ExternalServerResource;

/**
 * Starts a real coturn on a free port before the application and points {@code callsign.signaling.turn.*} at it, so
 * that the credentials the endpoint hands out are the ones coturn checks. Without coturn (outside CI) it configures no
 * TURN, and the tests skip themselves with {@link Coturn#assumeInstalled()}.
 */
public class CoturnTestResource extends ExternalServerResource<Coturn> {

    /** The secret shared by the application and coturn. */
    static final String SECRET = "coturn-endpoint-secret-0123456789abcdef";

    @Override
    protected boolean installed() {
        return Coturn.installed();
    }

    @Override
    protected Coturn start(Path dir) throws IOException, InterruptedException {
        return Coturn.start(SECRET, dir);
    }

    @Override
    protected Map<String, String> config(Coturn coturn, Path dir) {
        return coturn == null
                ? Map.of()
                : Map.of("callsign.signaling.turn.urls", coturn.url(), "callsign.signaling.turn.secret", SECRET);
    }
}
