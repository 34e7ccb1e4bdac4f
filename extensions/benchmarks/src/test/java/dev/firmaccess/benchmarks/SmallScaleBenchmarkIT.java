package dev.firmaccess.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The benchmark at a small scale (a firm of 200 businesses, a few calls per line) in every build,
 * so that a change which breaks one of its calls or set-up steps fails the build, not the next
 * full run. Timings at this scale mean nothing and are not asserted; the full run is
 * {@code mvn -B -Pbenchmark -pl extensions/benchmarks -am verify -DskipTests}.
 */
class SmallScaleBenchmarkIT {

    @Test
    void everyLineOfTheBenchmarkRunsAndEveryGoalIsMeasured() {
        assertThat(Scale.CURRENT).isEqualTo(Scale.SMALL);

        GoalTable goals = FirmAccessBenchmark.measure();

        assertThat(goals.results().keySet()).hasSize(19).anySatisfy(goal -> assertThat(goal).startsWith("loading"))
                .anySatisfy(goal -> assertThat(goal).startsWith("bulk revoke"))
                .anySatisfy(goal -> assertThat(goal).startsWith("default claim of any user"));
    }
}
