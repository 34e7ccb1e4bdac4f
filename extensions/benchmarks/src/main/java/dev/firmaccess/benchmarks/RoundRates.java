package dev.firmaccess.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls per second of several modes measured in rounds, every mode once per round. A ratio
 * between two modes is the median of their ratios round by round: a round's modes ran within
 * seconds of each other, so a pause of the machine (a collection, another process) weighs on one
 * round's pair rather than on one mode, and the median leaves such a round out.
 */
final class RoundRates {

    private final Map<String, List<Double>> byMode = new LinkedHashMap<>();

    void add(String mode, double perSecond) {
        byMode.computeIfAbsent(mode, key -> new ArrayList<>()).add(perSecond);
    }

    /** The mode's calls per second over all its rounds. */
    double perSecond(String mode) {
        List<Double> rounds = byMode.get(mode);
        double seconds = rounds.stream().mapToDouble(rate -> 1 / rate).sum();
        return rounds.size() / seconds;
    }

    /** The median, over the rounds, of the mode's rate divided by the baseline's rate in the same round. */
    double ratio(String mode, String baseline) {
        List<Double> rounds = byMode.get(mode);
        List<Double> base = byMode.get(baseline);
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds.size(); round++) {
            ratios.add(rounds.get(round) / base.get(round));
        }
        ratios.sort(Double::compare);
        int middle = ratios.size() / 2;
        return ratios.size() % 2 == 1 ? ratios.get(middle) : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
    }

    List<String> modes() {
        return List.copyOf(byMode.keySet());
    }
}
