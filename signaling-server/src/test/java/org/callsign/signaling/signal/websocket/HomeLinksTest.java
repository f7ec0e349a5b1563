package org.callsign.signaling.signal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.callsign.server.store.LocalRedis;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.Frame;
import org.callsign.signaling.cluster.service.NodeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The home node's side of forwarded connections, between two in-process nodes on a real {@code redis-server}: the
 * frames of a link reach the connection's handler in order, and a link whose frames pile up faster than the home
 * handles them is ended as {@code too-slow} instead of holding ever more memory.
 */
class HomeLinksTest {
    private static final String PREFIX = "callsign:home-links:";
    private static final String LINK = "link-1";
    private static final int PAYLOAD = 1_000;
    /** Room for ten waiting frames of {@link #PAYLOAD} characters. */
    private static final long BOUND = 10 * (HomeLinks.FRAME_WEIGHT + PAYLOAD);

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final Events events = new Events();
    private final BlockingQueue<Frame> toEdge = new LinkedBlockingQueue<>();
    private ClusterNode home;
    private ClusterNode edge;

    @BeforeEach
    void twoNodes() {
        home = new ClusterNode(NodeConfig.of(REDIS, PREFIX));
        edge = new ClusterNode(NodeConfig.of(REDIS, PREFIX));
        edge.handle(Frame.Type.CLOSE, toEdge::add);
        new HomeLinks(home, events, () -> {}, new ObjectMapper(), BOUND);
    }

    @AfterEach
    void leave() {
        events.release.countDown();
        edge.leave();
        home.leave();
    }

    @Test
    void handsFramesThatFitTheBoundToTheHandlerInOrder() throws InterruptedException {
        open();
        sendTexts(2, 11); // one runs and blocks, nine wait

        assertTrue(events.firstText.await(10, TimeUnit.SECONDS));
        events.release.countDown();

        assertTrue(events.handled.await(10, TimeUnit.SECONDS), "handled " + events.texts);
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11), events.texts);
        assertNull(toEdge.poll(300, TimeUnit.MILLISECONDS), "the link was ended");
        assertEquals(List.of(), events.closed);
    }

    @Test
    void endsALinkWhoseWaitingFramesWouldWeighMoreThanTheBoundAsTooSlow() throws InterruptedException {
        open();
        sendTexts(2, 2);
        assertTrue(events.firstText.await(10, TimeUnit.SECONDS)); // the home's handler is now stuck on frame 2
        sendTexts(3, 30);

        Frame close = toEdge.poll(10, TimeUnit.SECONDS);
        assertNotNull(close, "the edge was not told to close the device's connection");
        assertEquals(LINK, close.link());
        assertTrue(close.payload().startsWith("too-slow\n"), close.payload());

        events.release.countDown();
        assertTrue(events.closedOnce.await(10, TimeUnit.SECONDS), "the device's connection was not closed");
        Thread.sleep(200);
        assertEquals(List.of(LINK), events.closed, "closed once");
        assertEquals(List.of(2), events.texts, "frames that waited when the link ended are not handled");
    }

    private void open() throws InterruptedException {
        String admission = "{\"client\":\"client-a\",\"token\":\"t\",\"device\":\"phone\"}";
        edge.send(home.id(), new Frame(Frame.Type.OPEN, edge.id(), LINK, 1, admission), failure -> {});
        assertTrue(events.opened.await(10, TimeUnit.SECONDS), "the link was not opened");
    }

    /** Text frames {@code first..last}, each {@link #PAYLOAD} characters that start with its number. */
    private void sendTexts(int first, int last) {
        for (int seq = first; seq <= last; seq++) {
            String payload = (seq + " ").repeat(PAYLOAD).substring(0, PAYLOAD);
            edge.send(home.id(), new Frame(Frame.Type.TEXT, edge.id(), LINK, seq, payload), failure -> {});
        }
    }

    /** A handler that records what it is given and holds its first text message until released. */
    private static final class Events implements ConnectionEvents {
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch firstText = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch handled = new CountDownLatch(10);
        final CountDownLatch closedOnce = new CountDownLatch(1);
        final List<Integer> texts = Collections.synchronizedList(new ArrayList<>());
        final List<String> closed = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void open(String id, Admission admission, ConnectionOutbox outbox) {
            opened.countDown();
        }

        @Override
        public void text(String connection, String text) {
            firstText.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            texts.add(Integer.parseInt(text.substring(0, text.indexOf(' '))));
            handled.countDown();
        }

        @Override
        public void binary(String connection) {}

        @Override
        public void alive(String connection) {}

        @Override
        public void closed(String connection) {
            closed.add(connection);
            closedOnce.countDown();
        }
    }
}
