package org.callsign.benchmarks.calls;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP server timer of a signaling server's {@code /q/metrics} (Micrometer's {@code http_server_requests_seconds},
 * Prometheus text format): per method and URI template, how many requests were answered and the seconds spent on them
 * inside the server, from the request's arrival to its response. A snapshot; {@link #since} gives the difference.
 */
final class ServerMetrics {
    // Greedy up to the last brace: a URI template has braces of its own ({call}).
    private static final Pattern LINE =
            Pattern.compile("^http_server_requests_seconds_(count|sum)\\{(.*)\\}\\s+(\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** Requests answered and seconds spent, per {@code METHOD uri}. */
    private final Map<String, double[]> timers;

    private ServerMetrics(Map<String, double[]> timers) {
        this.timers = timers;
    }

    /** Parses {@code /q/metrics}; statuses and outcomes of one method and URI are added up. */
    static ServerMetrics parse(String prometheus) {
        Map<String, double[]> timers = new TreeMap<>();
        Matcher line = LINE.matcher(prometheus);
        while (line.find()) {
            String method = "";
            String uri = "";
            Matcher label = LABEL.matcher(line.group(2));
            while (label.find()) {
                if (label.group(1).equals("method")) {
                    method = label.group(2);
                } else if (label.group(1).equals("uri")) {
                    uri = label.group(2);
                }
            }
            double[] timer = timers.computeIfAbsent(method + " " + uri, k -> new double[2]);
            timer[line.group(1).equals("count") ? 0 : 1] += Double.parseDouble(line.group(3));
        }
        return new ServerMetrics(timers);
    }

    /** What was answered between {@code earlier} and this snapshot. */
    ServerMetrics since(ServerMetrics earlier) {
        Map<String, double[]> delta = new TreeMap<>();
        timers.forEach((key, now) -> {
            double[] before = earlier.timers.getOrDefault(key, new double[2]);
            if (now[0] > before[0]) {
                delta.put(key, new double[] {now[0] - before[0], now[1] - before[1]});
            }
        });
        return new ServerMetrics(delta);
    }

    /** Requests of {@code METHOD uri} (the URI template, e.g. {@code /federation/v1/calls/{call}/events}). */
    long count(String key) {
        return (long) timers.getOrDefault(key, new double[2])[0];
    }

    /** Mean time inside the server per request of {@code key}, in milliseconds; {@code NaN} without requests. */
    double meanMillis(String key) {
        double[] timer = timers.get(key);
        return timer == null || timer[0] == 0 ? Double.NaN : timer[1] / timer[0] * 1000;
    }

    /** Every timer: {@code METHOD uri: count requests, mean ms}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        timers.forEach((key, timer) -> text.append(String.format(
                java.util.Locale.ROOT,
                "  %s: %d requests, mean %.3f ms%n",
                key,
                (long) timer[0],
                timer[1] / timer[0] * 1000)));
        return text.toString();
    }
}
