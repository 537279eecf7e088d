package umimegu.teaching;

import java.util.regex.Pattern;

/**
 * Label names that come from users become folder names under {@code images/}, so only letters,
 * digits, {@code _} and {@code -} are allowed, up to 40 characters: no separators, no dots, no
 * path tricks.
 */
public final class Labels {
    public static final int MAX_LENGTH = 40;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_-]{1," + MAX_LENGTH + "}");

    private Labels() {}

    public static boolean isValid(String label) {
        return label != null && ALLOWED.matcher(label).matches();
    }

    /** The label, or an exception whose message says what is allowed. */
    public static String check(String label) {
        if (!isValid(label)) {
            throw new IllegalArgumentException("'" + shown(label)
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
