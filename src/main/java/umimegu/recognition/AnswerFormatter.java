package umimegu.recognition;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import umimegu.model.Prediction;

/** Turns a prediction into the sentence a user reads, e.g. "This is Megumi: 56.1%". */
public final class AnswerFormatter {
    static final int MIN_LABELS_FOR_UNKNOWN = 3;

    private final AnswerSettings settings;

    public AnswerFormatter(AnswerSettings settings) {
        this.settings = settings;
    }

    /**
     * The answer for one prediction: "I don't know this one" below the unknown threshold, the
     * unsure wording below the unsure threshold, else the plain answer.
     */
    public String format(Prediction prediction) {
        String template = isUnknown(prediction)
                ? settings.unknownTemplate()
                : isUnsure(prediction) ? settings.unsureTemplate() : settings.template();
        return template.replace("{label}", displayName(prediction.label()))
                .replace("{percent}", percent(prediction.probability()));
    }

    /** Below the unsure threshold (which includes every unknown answer). */
    public boolean isUnsure(Prediction prediction) {
        return prediction.probability() < settings.unsureBelow() || isUnknown(prediction);
    }

    /**
     * Probably a character the model was not trained on. Only a model of three labels or more can
     * say so: with two, every face is near one of them or at a coin toss between them, which the
     * unsure wording already says.
     */
    public boolean isUnknown(Prediction prediction) {
        return prediction.probabilities().size() >= MIN_LABELS_FOR_UNKNOWN
                && prediction.probability() < unknownBelow(prediction);
    }

    /**
     * The configured threshold, or with {@code auto} the one the answering model fitted for itself,
     * never above the unsure threshold: a model sure of all its few validation faces would
     * otherwise turn away faces it answers at 90%.
     */
    private double unknownBelow(Prediction prediction) {
        if (!Double.isNaN(settings.unknownBelow())) {
            return settings.unknownBelow();
        }
        return autoUnknownBelow(prediction.modelUnknownBelow(), settings.unsureBelow());
    }

    /** The threshold {@code auto} uses for a model that fitted {@code fitted} (NaN: none). */
    public static double autoUnknownBelow(double fitted, double unsureBelow) {
        double below = Double.isNaN(fitted) ? AnswerSettings.UNFITTED_UNKNOWN_BELOW : fitted;
        return unsureBelow > 0 ? Math.min(below, unsureBelow) : below;
    }

    public double unsureBelow() {
        return settings.unsureBelow();
    }

    /** "Face 2: This is Umi: 80.0%" */
    public String formatFace(int number, Prediction prediction) {
        return settings.faceTemplate().replace("{n}", String.valueOf(number)).replace("{answer}", format(prediction));
    }

    public String noFaceNote() {
        return settings.noFaceNote();
    }

    public String percent(double probability) {
        return String.format(Locale.ROOT, "%." + settings.percentDecimals() + "f", probability * 100.0);
    }

    /** The configured name, else the folder name with '_' as space and each word capitalised. */
    public String displayName(String label) {
        String configured = settings.displayNames().get(label);
        if (configured != null) {
            return configured;
        }
        return Arrays.stream(label.split("[_\\s]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
                .collect(Collectors.joining(" "));
    }
}
