package org.callsign.wellknown.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order in which a client tries SRV targets (RFC 2782, "Usage rules"): lowest priority first; within a
 * priority, repeatedly pick one of the records not yet ordered with a chance proportional to its weight, the
 * records of weight 0 first in the running sum so that they are picked only rarely.
 *
 * <p>The RFC draws a number from 0 to the sum of the weights inclusive and takes the first record whose
 * running sum reaches it. Taken literally, that gives the first record one chance in {@code sum + 1} more
 * than its weight. Here the draw includes 0 only while a record of weight 0 is left, and 0 then goes to it:
 * records of weight 0 share one chance in {@code sum + 1}, the others are picked exactly in proportion to
 * their weights.
 */
final class SrvOrder {
    private SrvOrder() {}

    static List<SrvRecord> order(List<SrvRecord> records, RandomGenerator random) {
        List<SrvRecord> sorted = new ArrayList<>(records);
        // Stable: within a priority, weight-0 records first, the rest in answer order.
        sorted.sort(Comparator.comparingInt(SrvRecord::priority).thenComparing(r -> r.weight() != 0));
        List<SrvRecord> ordered = new ArrayList<>(sorted.size());
        int from = 0;
        while (from < sorted.size()) {
            int to = from;
            while (to < sorted.size()
                    && sorted.get(to).priority() == sorted.get(from).priority()) {
                to++;
            }
            orderByWeight(new ArrayList<>(sorted.subList(from, to)), random, ordered);
            from = to;
        }
        return List.copyOf(ordered);
    }

    private static void orderByWeight(List<SrvRecord> pending, RandomGenerator random, List<SrvRecord> ordered) {
        while (!pending.isEmpty()) {
            long sum = 0;
            boolean zeroWeight = false;
            for (SrvRecord record : pending) {
                sum += record.weight();
                zeroWeight |= record.weight() == 0;
            }
            long pick = zeroWeight ? random.nextLong(sum + 1) : 1 + random.nextLong(sum);
            long running = 0;
            for (int i = 0; i < pending.size(); i++) {
                running += pending.get(i).weight();
                if (running >= pick) {
                    ordered.add(pending.remove(i));
                    break;
                }
            }
        }
    }
}
