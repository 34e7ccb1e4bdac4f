package dev.firmaccess.benchmarks;

/**
 * How big the benchmark's firms are and how many calls each measurement makes. {@code full} is the
 * run whose figures the README quotes; {@code small} loads a few hundred rows and makes a few calls
 * per line, so that the default build runs every line of the benchmark in seconds and it never rots.
 * Chosen with {@code -Dfirm-access.benchmark.scale=small|full} (default full);
 * {@code -Dfirm-access.benchmark.call-divisor=N} divides every line's number of calls by N at either
 * scale, for a quicker, less precise run on a busy machine (the run prints the divisor).
 */
record Scale(String name, int businesses, int staff, int teams, int heavyGrants, int signedInMembers,
        int smallFirm, int largeFirm, int calls) {

    static final String PROPERTY = "firm-access.benchmark.scale";
    private static final int CALL_DIVISOR = Integer.getInteger("firm-access.benchmark.call-divisor", 0);

    static final Scale FULL = new Scale("full", 10_000, 1_000, 100, 1_000, 20, 1_000, 100_000, 1);
    static final Scale SMALL = new Scale("small", 200, 60, 5, 60, 4, 300, 1_000, 40);

    /** The scale this JVM runs at. */
    static final Scale CURRENT = "small".equals(System.getProperty(PROPERTY)) ? SMALL : FULL;

    /** A full run's number of calls, cut down for a small run. */
    int calls(int fullRunCalls) {
        return Math.max(4, fullRunCalls / callDivisor());
    }

    int callDivisor() {
        return CALL_DIVISOR > 0 ? CALL_DIVISOR : calls;
    }
}
