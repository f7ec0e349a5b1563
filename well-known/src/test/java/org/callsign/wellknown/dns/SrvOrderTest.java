package org.callsign.wellknown.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SrvOrderTest {
    private static SrvRecord srv(int priority, int weight, String target) {
        return new SrvRecord(priority, weight, 443, target, Duration.ofSeconds(60));
    }

    /** Returns the scripted values to {@code nextLong(bound)}, checking each is below the bound. */
    private static RandomGenerator scripted(long... values) {
        Deque<Long> queue = new ArrayDeque<>();
        for (long value : values) {
            queue.add(value);
        }
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                long value = queue.remove();
                assertTrue(value < bound, value + " not below " + bound);
                return value;
            }
        };
    }

    @Test
    void ordersByAscendingPriorityFirst() {
        List<SrvRecord> ordered = SrvOrder.order(
                List.of(srv(30, 0, "c.test"), srv(10, 0, "a.test"), srv(20, 0, "b.test")), scripted(0, 0, 0));
        assertEquals(List.of("a.test", "b.test", "c.test"), targets(ordered));
    }

    @Test
    void picksTheFirstRecordWhoseRunningWeightReachesTheRandomNumber() {
        // Weights 1, 3, 6 (sum 10, no zero): draw 1 + 5 = 6 falls in 6's range (running sums 1, 4, 10);
        // then weights 1, 3: 1 + 2 = 3 falls in 3's range (running sums 1, 4); then 1 alone.
        List<SrvRecord> records = List.of(srv(10, 1, "one.test"), srv(10, 3, "three.test"), srv(10, 6, "six.test"));
        assertEquals(
                List.of("six.test", "three.test", "one.test"), targets(SrvOrder.order(records, scripted(5, 2, 0))));
    }

    @Test
    void putsZeroWeightRecordsFirstInTheRunningSum() {
        // Weights 0 and 5: the draw runs from 0 to 5, and only 0 picks the weight-0 record, placed first.
        List<SrvRecord> records = List.of(srv(10, 5, "five.test"), srv(10, 0, "zero.test"));
        assertEquals(List.of("zero.test", "five.test"), targets(SrvOrder.order(records, scripted(0, 0))));
        assertEquals(List.of("five.test", "zero.test"), targets(SrvOrder.order(records, scripted(1, 0))));
    }

    @Test
    void choosesHeavierRecordsFirstInProportionToWeight() {
        List<SrvRecord> records = List.of(srv(10, 1, "light.test"), srv(10, 4, "heavy.test"));
        RandomGenerator random = new SplittableRandom(42);
        int heavyFirst = 0;
        int rounds = 10_000;
        for (int i = 0; i < rounds; i++) {
            if (SrvOrder.order(records, random).get(0).target().equals("heavy.test")) {
                heavyFirst++;
            }
        }
        // Expected 4/5 = 80 %; a seeded generator makes this exact run repeatable.
        assertTrue(heavyFirst > 7_700 && heavyFirst < 8_300, "heavy first " + heavyFirst + " of " + rounds);
    }

    private static List<String> targets(List<SrvRecord> records) {
        return records.stream().map(SrvRecord::target).toList();
    }
}
