package dev.firmaccess.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Latencies of sequential calls, in milliseconds. */
final class Latencies {

    private final double[] millis;

    private Latencies(double[] millis) {
        this.millis = millis;
        Arrays.sort(this.millis);
    }

    /** Times {@code count} sequential calls after {@code warmup} untimed ones. */
    static Latencies of(int warmup, int count, Runnable call) {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Latencies(millis);
    }

    /**
     * Times {@code count} sequential rounds of the calls, one of each per round in turn, after
     * {@code warmup} untimed rounds: what happens to the machine meanwhile falls on all of them alike.
     * Answers the latencies of each call, in the order given.
     */
    static List<Latencies> interleaved(int warmup, int count, List<Runnable> calls) {
        for (int i = 0; i < warmup; i++) {
            calls.forEach(Runnable::run);
        }
        double[][] millis = new double[calls.size()][count];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < calls.size(); c++) {
                long start = System.nanoTime();
                calls.get(c).run();
                millis[c][i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return Arrays.stream(millis).map(Latencies::new).toList();
    }

    double percentile(double p) {
        int index = (int) Math.ceil(p / 100.0 * millis.length) - 1;
        return millis[Math.max(0, Math.min(millis.length - 1, index))];
    }
}
