package umimegu.history;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A stats period as people type it: {@code 12h}, {@code 7d}, {@code 4w}. */
public final class Period {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})([hdw])");

    private Period() {}

    /** The duration, or empty when the text is not a period. */
    public static Optional<Duration> parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        return Optional.of(
                switch (m.group(2)) {
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(7 * n);
                });
    }
}
