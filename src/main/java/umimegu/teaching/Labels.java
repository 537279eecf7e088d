package umimegu.teaching;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Label names that come from users become folder names under {@code images/}, so only letters,
 * digits, {@code _} and {@code -} are allowed, up to 40 characters: no separators, no dots, no
 * path tricks, and none of the names that are devices on Windows ({@code CON}, {@code NUL},
 * {@code COM1} …). What a user types is first brought to Unicode NFKC ({@code ｕｍｉ} is
 * {@code umi}); that labels differing only in case are one label is {@link TrainingPictures}'
 * business, which knows the folders.
 */
public final class Labels {
    public static final int MAX_LENGTH = 40;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_-]{1," + MAX_LENGTH + "}");

    private Labels() {}

    private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");

    public static boolean isValid(String label) {
        return label != null
                && ALLOWED.matcher(label).matches()
                && !DEVICE.matcher(label).matches();
    }

    /** The label as typed, in Unicode NFKC and without surrounding spaces (null stays null). */
    public static String normalized(String typed) {
        return typed == null
                ? null
                : Normalizer.normalize(typed, Normalizer.Form.NFKC).strip();
    }

    /** The label {@link #normalized}, or an exception whose message says what is allowed. */
    public static String check(String typed) {
        String label = normalized(typed);
        if (label != null && DEVICE.matcher(label).matches()) {
            throw new IllegalArgumentException("'" + shown(label) + "' is not a label name: it names a device on"
                    + " Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9)");
        }
        if (!isValid(label)) {
            throw new IllegalArgumentException("'" + shown(typed)
                    + "' is not a label name: use letters, digits, _ and -" + " (up to " + MAX_LENGTH + " characters)");
        }
        return label;
    }

    private static String shown(String s) {
        if (s == null) {
            return "";
        }
        String printable = s.replaceAll("[^\\p{Print}\\p{L}]", "?");
        return printable.length() > 50 ? printable.substring(0, 50) + "…" : printable;
    }
}
