package umimegu.common;

import java.util.regex.Pattern;

/**
 * Replies name no folder of the server: an absolute path in a message meant for a user (an
 * exception's message, say) is cut to its last part, {@code /srv/umimegu/models} to {@code models}.
 * The logs keep the whole path.
 */
public final class ServerPaths {
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?<=^|[\\s'\"(\\[=])(?:/[^/\\s'\"()\\[\\]:,;]+){2,}/?|(?<=^|[\\s'\"(\\[=])[A-Za-z]:\\\\[^\\s'\"()]+");

    private ServerPaths() {}

    public static String hidden(String text) {
        if (text == null) {
            return null;
        }
        return ABSOLUTE.matcher(text).replaceAll(m -> {
            String path = m.group().replaceAll("[/\\\\]+$", "");
            return java.util.regex.Matcher.quoteReplacement(
                    path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
        });
    }
}
