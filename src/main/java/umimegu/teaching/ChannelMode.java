package umimegu.teaching;

import java.util.Locale;
import java.util.Optional;

/** Where the bot answers every picture ({@code on}), only when asked ({@code commands-only}), or stays silent ({@code off}). */
public enum ChannelMode {
    ON("on"),
    COMMANDS_ONLY("commands-only"),
    OFF("off");

    private final String word;

    ChannelMode(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<ChannelMode> parse(String word) {
        String w = word == null ? "" : word.toLowerCase(Locale.ROOT);
        for (ChannelMode m : values()) {
            if (m.word.equals(w)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
