package org.callsign.benchmarks.calls;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** Durations in nanoseconds; percentiles by nearest rank, reported in milliseconds. */
final class Samples {
    private long[] values = new long[64];
    private int size;

    /** The samples {@code f} takes from each of {@code items}. */
    static <T> Samples of(Iterable<T> items, ToLongFunction<T> f) {
        Samples samples = new Samples();
        for (T item : items) {
            samples.add(f.applyAsLong(item));
        }
        return samples;
    }

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int count() {
        return size;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds; {@code NaN} without samples. */
    double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    double median() {
        return percentile(50);
    }

    double min() {
        return size == 0 ? Double.NaN : Arrays.stream(values, 0, size).min().getAsLong() / 1e6;
    }

    double max() {
        return size == 0 ? Double.NaN : Arrays.stream(values, 0, size).max().getAsLong() / 1e6;
    }

    /** {@code p50 / p99 / min / max} in ms, for a table cell. */
    String summary() {
        return ms(median()) + " / " + ms(percentile(99)) + " / " + ms(min()) + " / " + ms(max());
    }

    /** A millisecond value with three significant figures, or at least two decimals under 1 ms. */
    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (Math.abs(value) >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
