package org.callsign.benchmarks.plot;

import java.util.ArrayList;
import java.util.List;

/** An axis of {@link LineChart}: its range, where a value falls on it, and round tick values. */
record Axis(double low, double high, boolean log, List<Double> ticks) {

    /** From {@code low} to {@code max} rounded up to a tick, with about five ticks (steps of 1, 2 or 5 × 10ⁿ). */
    static Axis linear(double low, double max) {
        double raw = (max - low) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw <= magnitude
                ? magnitude
                : raw <= 2 * magnitude ? 2 * magnitude : raw <= 5 * magnitude ? 5 * magnitude : 10 * magnitude;
        double high = Math.ceil(max / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (double tick = low; tick <= high + step / 2; tick += step) {
            ticks.add(tick);
        }
        return new Axis(low, high, false, ticks);
    }

    /** Whole decades around {@code min}..{@code max}, a tick at each. */
    static Axis log(double min, double max) {
        double low = Math.pow(10, Math.floor(Math.log10(min)));
        double high = Math.pow(10, Math.ceil(Math.log10(max)));
        if (high <= low) {
            high = low * 10;
        }
        List<Double> ticks = new ArrayList<>();
        for (double tick = low; tick <= high * 1.001; tick *= 10) {
            ticks.add(tick);
        }
        return new Axis(low, high, true, ticks);
    }

    /** Where {@code value} falls, 0 at {@code low} and 1 at {@code high}. */
    double fraction(double value) {
        if (log) {
            return (Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
        }
        return (value - low) / (high - low);
    }

    /** A tick's label: {@code 0.1}, {@code 5}, {@code 2,000}. */
    static String label(double tick) {
        if (tick != 0 && Math.abs(tick) < 1) {
            return String.format("%s", (float) tick);
        }
        return String.format("%,d", Math.round(tick));
    }
}
