package dev.firmaccess.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The performance goals, each with what this run measured and whether it met it; printed last. */
final class GoalTable {

    private record Goal(String goal, String measured, boolean met) {
    }

    private final List<Goal> goals = new ArrayList<>();

    /** A goal that holds when the measured figure is at least the target. */
    void atLeast(String goal, double measured, double target, String format) {
        add(goal, String.format(format, measured), measured >= target);
    }

    /** A goal that holds when the measured figure is at most the target. */
    void atMost(String goal, double measured, double target, String format) {
        add(goal, String.format(format, measured), measured <= target);
    }

    void add(String goal, String measured, boolean met) {
        goals.add(new Goal(goal, measured, met));
        System.out.printf("  goal: %s -> %s (%s)%n", goal, measured, met ? "met" : "NOT met");
    }

    /** The goals measured so far, by name, each with whether it was met. */
    Map<String, Boolean> results() {
        Map<String, Boolean> results = new LinkedHashMap<>();
        goals.forEach(g -> results.put(g.goal(), g.met()));
        return results;
    }

    void print() {
        int width = goals.stream().mapToInt(g -> g.goal().length()).max().orElse(4);
        int measuredWidth = goals.stream().mapToInt(g -> g.measured().length()).max().orElse(8);
        System.out.printf("%nGoals of this run%n");
        System.out.printf("  %-" + width + "s | %-" + measuredWidth + "s | %s%n", "goal", "measured", "met");
        goals.forEach(g -> System.out.printf("  %-" + width + "s | %-" + measuredWidth + "s | %s%n", g.goal(),
                g.measured(), g.met() ? "yes" : "NO"));
        System.out.printf("  %d of %d goals met%n", goals.stream().filter(Goal::met).count(), goals.size());
    }
}
