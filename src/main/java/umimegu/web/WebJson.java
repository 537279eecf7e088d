package umimegu.web;

import io.javalin.http.Context;

/** JSON in and out of the API: bodies read with a clear 400 for anything malformed, and no NaN going out. */
final class WebJson {
    private WebJson() {}

    /** JSON has no NaN: unknown figures go out as null. */
    static Double number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    /**
     * The request body as {@code type}, null for an empty body or {@code null}; anything that is
     * not such JSON (bad syntax, wrong types, numbers out of range, deep nesting) is a 400 that says
     * what {@code form} the body takes.
     */
    static <T> T body(Context ctx, Class<T> type, String form) {
        String text = ctx.body();
        if (text.isBlank()) {
            return null;
        }
        try {
            return ctx.jsonMapper().fromJsonString(text, type);
        } catch (RuntimeException | StackOverflowError e) {
            throw new WebError(400, "the body is not " + form);
        }
    }
}
