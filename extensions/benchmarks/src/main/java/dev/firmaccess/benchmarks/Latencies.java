package dev.firmaccess.benchmarks;

import java.util.Arrays;

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

    double percentile(double p) {
        int index = (int) Math.ceil(p / 100.0 * millis.length) - 1;
        return millis[Math.max(0, Math.min(millis.length - 1, index))];
    }
}
