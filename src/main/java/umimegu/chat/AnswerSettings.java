package umimegu.chat;

import java.util.Map;

/**
 * How an answer is worded. {@code template} holds {@code {label}} and {@code {percent}};
 * {@code displayNames} maps a folder label to the name users see.
 */
public record AnswerSettings(String template, int percentDecimals, Map<String, String> displayNames) {

    public AnswerSettings {
        if (template == null || !template.contains("{label}") || !template.contains("{percent}")) {
            throw new IllegalArgumentException("answer.template must contain {label} and {percent}, got: " + template);
        }
        if (percentDecimals < 0 || percentDecimals > 6) {
            throw new IllegalArgumentException("answer.percent-decimals must be between 0 and 6, got " + percentDecimals);
        }
        displayNames = Map.copyOf(displayNames);
    }
}
