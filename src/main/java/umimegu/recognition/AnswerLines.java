package umimegu.recognition;

import java.util.ArrayList;
import java.util.List;

/** The text a user reads for a picture: one line per face, or one line with a note. */
public final class AnswerLines {
    private AnswerLines() {}

    public static List<String> of(Recognition r, AnswerFormatter answers) {
        List<String> lines = new ArrayList<>();
        switch (r.outcome()) {
            case SKIPPED -> lines.add("Face detection is unavailable here, so the picture was not classified.");
            case NO_FACE -> {
                String note = answers.noFaceNote();
                lines.add(answers.format(r.faces().get(0).prediction()) + (note.isEmpty() ? "" : " " + note));
            }
            case DETECTION_UNAVAILABLE ->
                lines.add(answers.format(r.faces().get(0).prediction()));
            case FACES -> {
                if (r.severalFaces()) {
                    r.faces().forEach(f -> lines.add(answers.formatFace(f.number(), f.prediction())));
                } else {
                    lines.add(answers.format(r.faces().get(0).prediction()));
                }
            }
        }
        return lines;
    }
}
