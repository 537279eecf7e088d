package umimegu.model;

/** A model id is the name of a folder inside the store: no separators, no "..", nothing hidden, no draft. */
public final class ModelIds {
    /** A model folder being written ends so; it is never a model. */
    static final String PARTIAL_SUFFIX = ".partial";

    private ModelIds() {}

    public static boolean isValid(String id) {
        return id != null
                && id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
                && !id.contains("..")
                && !id.endsWith(PARTIAL_SUFFIX);
    }

    /** The id as it may be shown in a message: odd characters replaced, at most 80 of them. */
    static String printable(String s) {
        String shown = s.replaceAll("[^\\p{Print}]", "?");
        return shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
    }
}
