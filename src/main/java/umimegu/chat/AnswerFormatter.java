package umimegu.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import umimegu.model.Prediction;

/** Turns a prediction into the sentence a user reads, e.g. "This is Megumi: 56.1%". */
public final class AnswerFormatter {
    private final AnswerSettings settings;

    public AnswerFormatter(AnswerSettings settings) {
        this.settings = settings;
    }

    public String format(Prediction prediction) {
        String percent = String.format(Locale.ROOT, "%." + settings.percentDecimals() + "f",
                prediction.probability() * 100.0);
        return settings.template()
                .replace("{label}", displayName(prediction.label()))
                .replace("{percent}", percent);
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
