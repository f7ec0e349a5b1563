package org.callsign.signaling.signal;

import org.callsign.signaling.TestClients;

/**
 * A new client with a bearer token and two verified devices whose fingerprints are those of real SDP: a laptop
 * (Chromium's offer) and a phone (Chromium's answer).
 *
 * @param client the client's id
 * @param token a bearer token of the client
 * @param laptop the laptop's device id
 * @param phone the phone's device id
 */
public record TwoDevices(String client, String token, String laptop, String phone) {

    /** Registers them, the client's id starting with {@code prefix}. */
    public static TwoDevices register(String prefix) {
        String client = TestClients.registerNew(prefix);
        return new TwoDevices(
                client,
                TestClients.token(client),
                TestClients.device(client, "Laptop", SdpFixtures.CHROMIUM_OFFER.fingerprint()),
                TestClients.device(client, "Phone", SdpFixtures.CHROMIUM_ANSWER.fingerprint()));
    }
}
