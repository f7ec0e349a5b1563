package org.callsign.signaling.signal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.callsign.signaling.device.service.DeviceDetails;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.fingerprint.service.DeviceFingerprint;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.message.Offer;
import org.callsign.signaling.signal.message.Peer;
import org.callsign.signaling.signal.message.PeerRemoved;
import org.callsign.signaling.signal.message.PeerUpdate;
import org.callsign.signaling.signal.message.Peers;
import org.callsign.signaling.signal.message.RelayedBye;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.message.Welcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Peer lists and updates (peerbook) as devices come, go and change. */
class PresenceTest {
    private SignalingCore core;
    private Device alice;
    private Device bob;
    private RecordingOutbox aliceOut;

    @BeforeEach
    void aliceOnline() {
        core = new SignalingCore();
        alice = core.device("client-a", "Laptop", SdpFixtures.CHROMIUM_OFFER);
        bob = core.device("client-a", "Phone", SdpFixtures.CHROMIUM_ANSWER);
        aliceOut = new RecordingOutbox();
        core.connect(alice, "client-a", aliceOut);
        aliceOut.clear();
    }

    private Peer lastUpdate() {
        return aliceOut.last(PeerUpdate.class).peer();
    }

    @Test
    void peersLearnWhenADeviceComesOnlineAndNotWhenItResumes() {
        RecordingOutbox bobOut = new RecordingOutbox();
        Line bobLine = core.connect(bob, "client-a", bobOut);
        assertTrue(lastUpdate().online());
        assertEquals(bob.id(), lastUpdate().id());

        core.service.disconnected(bobLine, bobOut);
        core.resume(
                bob,
                "client-a",
                new RecordingOutbox(),
                bobOut.last(Welcome.class).resume());

        assertEquals(1, aliceOut.messages(PeerUpdate.class).size());
    }

    @Test
    void peersLearnThatADeviceIsOfflineOnlyAfterItsResumeWindow() {
        RecordingOutbox bobOut = new RecordingOutbox();
        Line bobLine = core.connect(bob, "client-a", bobOut);
        core.service.disconnected(bobLine, bobOut);
        assertTrue(lastUpdate().online());

        core.clock.advance(SignalingCore.RESUME_WINDOW);
        core.service.expire();

        assertFalse(lastUpdate().online());
        assertEquals(bob.id(), lastUpdate().id());
    }

    @Test
    void aRenameReachesThePeersAndTheDeviceItself() {
        RecordingOutbox bobOut = new RecordingOutbox();
        core.connect(bob, "client-a", bobOut);

        core.devices.change(
                "client-a",
                bob.id(),
                new DeviceDetails(
                        "Old phone", "phone", DeviceFingerprint.parse(SdpFixtures.CHROMIUM_ANSWER.fingerprint())));

        assertEquals("Old phone", lastUpdate().name());
        assertEquals("phone", lastUpdate().kind());
        assertEquals("Old phone", bobOut.last(PeerUpdate.class).peer().name());
    }

    @Test
    void anUnverifiedDeviceLosesItsSessionsAndItsPeersButTheyStillSeeIt() {
        RecordingOutbox bobOut = new RecordingOutbox();
        Line bobLine = core.connect(bob, "client-a", bobOut);
        core.relay.offer(
                bobLine.party(),
                new Offer(ServerMessage.VERSION, "o", alice.id(), "session-0001", SdpFixtures.CHROMIUM_ANSWER.sdp()));

        core.devices.setVerified("client-a", bob.id(), false);

        assertFalse(lastUpdate().verified());
        assertEquals(
                "the device was unverified", aliceOut.last(RelayedBye.class).reason());
        assertNull(aliceOut.last(RelayedBye.class).from());
        bobOut.clear();
        core.devices.change(
                "client-a",
                alice.id(),
                new DeviceDetails(
                        "Renamed", "browser", DeviceFingerprint.parse(SdpFixtures.CHROMIUM_OFFER.fingerprint())));
        assertTrue(bobOut.messages().isEmpty(), "an unverified device hears nothing of its peers");
    }

    @Test
    void anUnverifiedDeviceIsWelcomedWithoutPeersAndGetsThemWhenVerified() {
        core.devices.setVerified("client-a", bob.id(), false);
        RecordingOutbox bobOut = new RecordingOutbox();
        core.connect(bob, "client-a", bobOut);
        assertEquals(
                List.of(Welcome.class),
                bobOut.messages().stream().map(Object::getClass).toList());

        core.devices.setVerified("client-a", bob.id(), true);

        assertTrue(bobOut.last(PeerUpdate.class).peer().verified());
        assertEquals(alice.id(), bobOut.last(Peers.class).peers().get(0).id());
    }

    @Test
    void aRemovedDeviceGoesOfflineAtOnceAndItsPeersAreTold() {
        RecordingOutbox bobOut = new RecordingOutbox();
        core.connect(bob, "client-a", bobOut);

        core.devices.remove("client-a", bob.id());

        assertEquals(bob.id(), aliceOut.last(PeerRemoved.class).device());
        assertEquals(SignalError.DEVICE_REMOVED, bobOut.closedAs());
        assertFalse(core.online.isOnline("client-a", bob.id()));
    }

    @Test
    void aNewDeviceAppearsInThePeersLists() {
        Device carol = core.device("client-a", "Tablet", SdpFixtures.WEBRTC_JAVA_OFFER);

        assertEquals(carol.id(), lastUpdate().id());
        assertFalse(lastUpdate().online());
    }

    @Test
    void revokedCredentialsCloseTheClientsConnectionsOnly() {
        Device other = core.device("client-b", "Other", SdpFixtures.WEBRTC_JAVA_OFFER);
        RecordingOutbox otherOut = new RecordingOutbox();
        core.connect(other, "client-b", otherOut);

        core.service.onCredentialsRevoked(
                new org.callsign.signaling.client.service.CredentialsRevoked("client-a", false));

        assertEquals(SignalError.CREDENTIALS_REVOKED, aliceOut.closedAs());
        assertNull(otherOut.closedAs());
        assertTrue(core.online.isOnline("client-a", alice.id()), "the device may resume with a new token");
    }

    @Test
    void aRemovedClientsDevicesGoOfflineAtOnce() {
        core.service.onCredentialsRevoked(
                new org.callsign.signaling.client.service.CredentialsRevoked("client-a", true));

        assertEquals(SignalError.CREDENTIALS_REVOKED, aliceOut.closedAs());
        assertFalse(core.online.isOnline("client-a", alice.id()));
    }
}
