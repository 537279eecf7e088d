package umimegu.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Splits items into training and validation per label, with a seeded shuffle, keeping every item
 * (unlike DataVec's BalancedPathFilter, which drops images to balance classes).
 */
public final class StratifiedSplit {

    public record Split<T>(List<T> training, List<T> validation) {}

    private StratifiedSplit() {}

    /**
     * Each label with at least two items gives round(n × fraction) of them, at least one, to
     * validation; a label with a single item stays in training.
     */
    public static <T> Split<T> split(
            List<T> items, java.util.function.ToIntFunction<T> labelOf, int labelCount, double fraction, long seed) {
        Random random = new Random(seed);
        List<List<T>> byLabel = new ArrayList<>();
        for (int i = 0; i < labelCount; i++) {
            byLabel.add(new ArrayList<>());
        }
        items.forEach(item -> byLabel.get(labelOf.applyAsInt(item)).add(item));
        List<T> training = new ArrayList<>();
        List<T> validation = new ArrayList<>();
        for (List<T> group : byLabel) {
            Collections.shuffle(group, random);
            int n = group.size();
            int toValidation = n < 2 ? 0 : Math.min(n - 1, Math.max(1, (int) Math.round(n * fraction)));
            validation.addAll(group.subList(0, toValidation));
            training.addAll(group.subList(toValidation, n));
        }
        return new Split<>(training, validation);
    }
}
