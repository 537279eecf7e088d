package umimegu.recognition;

import java.util.Map;

/**
 * How an answer is worded. {@code template} and {@code unsureTemplate} hold {@code {label}} and
 * {@code {percent}}; below {@code unsureBelow} (a probability, 0 to switch off) the unsure wording
 * is used. {@code faceTemplate} prefixes each face's answer ({@code {n}}, {@code {answer}}) when a
 * picture has several; {@code noFaceNote} follows an answer for a picture where no face was found.
 * {@code displayNames} maps a folder label to the name users see. Below {@code unknownBelow}
 * (calibrated, so it reads as a probability; 0 to switch off; NaN for each model's own fitted
 * threshold, {@link #UNFITTED_UNKNOWN_BELOW} for a model without one) the answer says the
 * character is probably not one the model knows, in {@code unknownTemplate}.
 */
public record AnswerSettings(
        String template,
        int percentDecimals,
        Map<String, String> displayNames,
        double unsureBelow,
        String unsureTemplate,
        String faceTemplate,
        String noFaceNote,
        double unknownBelow,
        String unknownTemplate) {

    /** With {@code answer.unknown-below=auto}, the threshold for models that fitted none (trained before they did). */
    public static final double UNFITTED_UNKNOWN_BELOW = 0.6;

    public AnswerSettings {
        requirePlaceholders("answer.template", template, "{label}", "{percent}");
        requirePlaceholders("answer.unsure-template", unsureTemplate, "{label}", "{percent}");
        requirePlaceholders("answer.face-template", faceTemplate, "{n}", "{answer}");
        if (percentDecimals < 0 || percentDecimals > 6) {
            throw new IllegalArgumentException(
                    "answer.percent-decimals must be between 0 and 6, got " + percentDecimals);
        }
        if (unsureBelow < 0 || unsureBelow > 1) {
            throw new IllegalArgumentException("answer.unsure-below must be between 0 and 1, got " + unsureBelow);
        }
        if (unknownBelow < 0 || unknownBelow > 1) { // NaN passes: auto
            throw new IllegalArgumentException("answer.unknown-below must be between 0 and 1, got " + unknownBelow);
        }
        requirePlaceholders("answer.unknown-template", unknownTemplate, "{label}", "{percent}");
        displayNames = Map.copyOf(displayNames);
        noFaceNote = noFaceNote == null ? "" : noFaceNote;
    }

    /** The seed's single-sentence answers with the default wording for the rest. */
    public static AnswerSettings of(String template, int percentDecimals, Map<String, String> displayNames) {
        return new AnswerSettings(
                template,
                percentDecimals,
                displayNames,
                0.6,
                "Not sure — closest is {label}: {percent}%",
                "Face {n}: {answer}",
                "(no face found, so the whole picture was classified)",
                0,
                "I don't know this one (closest: {label}, {percent}%)");
    }

    private static void requirePlaceholders(String key, String value, String... placeholders) {
        for (String p : placeholders) {
            if (value == null || !value.contains(p)) {
                throw new IllegalArgumentException(
                        key + " must contain " + String.join(" and ", placeholders) + ", got: " + value);
            }
        }
    }
}
