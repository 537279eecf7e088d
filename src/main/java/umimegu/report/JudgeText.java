package umimegu.report;

import java.util.ArrayList;
import java.util.List;
import umimegu.usecase.JudgeAnswer;

/** Words for what a judgement did. */
public final class JudgeText {
    private JudgeText() {}

    public static String of(JudgeAnswer.Result r, boolean right, String label, String prefix) {
        return switch (r.status()) {
            case NO_HISTORY ->
                "I can't take feedback right now: the history database is unavailable"
                        + (r.detail() == null ? "." : " (" + r.detail() + ").");
            case UNKNOWN_ANSWER ->
                "Which answer? Reply to one of my answers with `" + prefix + "right` or `" + prefix
                        + "wrong <label>` (or post a picture first).";
            case WHICH_FACE ->
                "That answer has " + r.faceCount() + " faces — say which one: `" + prefix + "wrong 2 "
                        + (label == null ? "<label>" : label) + "`.";
            case NO_SUCH_FACE -> "That answer has only " + r.faceCount() + (r.faceCount() == 1 ? " face." : " faces.");
            default -> perFace(r, right, prefix);
        };
    }

    private static String perFace(JudgeAnswer.Result r, boolean right, String prefix) {
        if (right) {
            return r.faces().size() == 1
                    ? "Thanks — noted that I was right."
                    : "Thanks — noted that I was right about all " + r.faces().size() + " faces.";
        }
        List<String> lines = new ArrayList<>();
        for (JudgeAnswer.FaceResult f : r.faces()) {
            String face = r.faceCount() > 1 ? "face " + f.number() : "that face";
            lines.add(
                    switch (f.status()) {
                        case SAME_AS_ANSWER -> "That's what I said for " + face + " too — noted as right.";
                        case ADDED_TO_PICTURES ->
                            "Thanks — " + face
                                    + " is now a training picture of the right label; it counts from the next `"
                                    + prefix + "train`.";
                        case QUEUED ->
                            "Thanks — your correction of " + face + " (I said " + f.said()
                                    + ") waits for an admin's review (#" + f.reviewNumber() + ").";
                        case NO_CROP ->
                            "Noted that I was wrong about " + face
                                    + ", but I didn't keep its picture (history.keep-crops is off),"
                                    + " so it can't become a training picture.";
                        default ->
                            "Noted that I was wrong about " + face + ". Tell me who it is with `" + prefix + "wrong "
                                    + (r.faceCount() > 1 ? f.number() + " " : "") + "<label>` and I'll learn from it.";
                    });
        }
        return String.join("\n", lines);
    }
}
