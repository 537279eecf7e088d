package umimegu.model;

import java.util.ArrayList;
import java.util.List;

/**
 * After a training, per label: how many pictures it had and which other label the validation
 * split confused it with most; and the hints a user can act on ("umi has 8 pictures; 20+ would help").
 */
public record LabelAdvice(String label, int pictures, String confusedWith, int confusions) {
    /** Fewer pictures than this per label and accuracy suffers visibly (measured on anime8, see README). */
    public static final int ENOUGH_PICTURES = 20;

    public static List<LabelAdvice> of(List<String> labels, int[] training, int[] validation, int[][] confusion) {
        List<LabelAdvice> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int worst = -1;
            for (int j = 0; j < labels.size(); j++) {
                if (j != i && confusion[i][j] > 0 && (worst < 0 || confusion[i][j] > confusion[i][worst])) {
                    worst = j;
                }
            }
            out.add(new LabelAdvice(
                    labels.get(i),
                    training[i] + validation[i],
                    worst < 0 ? null : labels.get(worst),
                    worst < 0 ? 0 : confusion[i][worst]));
        }
        return out;
    }

    /** Lines worth showing: labels with few pictures, then the confusions, most frequent first. */
    public static List<String> hints(List<LabelAdvice> advice) {
        List<String> hints = new ArrayList<>();
        advice.stream()
                .filter(a -> a.pictures() < ENOUGH_PICTURES)
                .sorted(java.util.Comparator.comparingInt(LabelAdvice::pictures))
                .forEach(a -> hints.add(a.label() + " has " + a.pictures() + " picture" + (a.pictures() == 1 ? "" : "s")
                        + "; " + ENOUGH_PICTURES + "+ would help"));
        advice.stream()
                .filter(a -> a.confusedWith() != null)
                .sorted(java.util.Comparator.comparingInt(LabelAdvice::confusions)
                        .reversed())
                .forEach(a -> hints.add(a.label() + " was taken for " + a.confusedWith() + " " + a.confusions()
                        + " time" + (a.confusions() == 1 ? "" : "s") + " in validation"));
        return hints;
    }
}
