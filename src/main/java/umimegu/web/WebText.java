package umimegu.web;

import umimegu.usecase.JudgeAnswer;

/** Small wording helpers for the page. */
final class WebText {
    private WebText() {}

    /** A name from a request, safe to show: printable, at most 80 characters. */
    static String printable(String s) {
        if (s == null || s.isBlank()) {
            return "picture";
        }
        String shown = s.replaceAll("[^\\p{Print}\\p{L}]", "?");
        return shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
    }

    static String judged(JudgeAnswer.Result r) {
        return switch (r.status()) {
            case NO_HISTORY ->
                "feedback needs the history database, which is unavailable"
                        + (r.detail() == null ? "" : " (" + r.detail() + ")");
            case UNKNOWN_ANSWER -> "that answer is not in the history";
            case WHICH_FACE -> "that answer has " + r.faceCount() + " faces: say which";
            case NO_SUCH_FACE -> "that answer has only " + r.faceCount() + " face(s)";
            case ADDED_TO_PICTURES -> "thanks: the face is now a training picture";
            case QUEUED ->
                "thanks: the correction waits for an admin's review (#"
                        + r.faces().get(0).reviewNumber() + ")";
            case SAME_AS_ANSWER -> "that is what the bot said: noted as right";
            case NO_CROP -> "noted; the face's picture was not kept, so it cannot become a training picture";
            case RECORDED -> "thanks: noted";
        };
    }
}
