package org.callsign.signaling.turn;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** STUN and TURN configured (the TURN server need not exist), credentials for 30 minutes, 5 requests a minute. */
public class TurnProfile implements QuarkusTestProfile {

    /** The shared secret of the profile. */
    static final String SECRET = "endpoint-turn-secret-0123456789abcdef";

    static final String STUN = "stun:stun.example.org:3478";
    static final String TURN_UDP = "turn:turn.example.org:3478?transport=udp";
    static final String TURNS_TCP = "turns:turn.example.org:5349?transport=tcp";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "callsign.signaling.turn.stun-urls",
                STUN,
                "callsign.signaling.turn.urls",
                TURN_UDP + "," + TURNS_TCP,
                "callsign.signaling.turn.secret",
                SECRET,
                "callsign.signaling.turn.ttl",
                "30m",
                "callsign.signaling.turn.requests-per-minute",
                "5");
    }
}
