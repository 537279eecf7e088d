package umimegu.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import umimegu.report.JudgeText;
import umimegu.teaching.Labels;
import umimegu.usecase.JudgeAnswer;

/**
 * {@code !right [face]}, {@code !wrong [face] [label]} and {@code !feedback right|wrong [face] [label]}
 * (Discord's {@code /feedback}): judges the answer the message replies to, or else the last
 * answer in the channel.
 */
public final class JudgeCommand implements ChatCommand {
    private final String name;
    private final Boolean verdict;
    private final ChatWorkers workers;
    private final JudgeAnswer judging;
    private final PictureAnswers answers;
    private final ChatSettings settings;

    /** {@code verdict} null: the verdict is the first word ({@code feedback}). */
    public JudgeCommand(
            String name,
            Boolean verdict,
            ChatWorkers workers,
            JudgeAnswer judging,
            PictureAnswers answers,
            ChatSettings settings) {
        this.name = name;
        this.verdict = verdict;
        this.workers = workers;
        this.judging = judging;
        this.answers = answers;
        this.settings = settings;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        if (verdict == null) {
            return "tell me whether my last answer (or the one you reply to) was right";
        }
        return verdict ? "reply to my answer: it was right" : "reply to my answer: it was wrong, and who it really is";
    }

    @Override
    public String usage() {
        return verdict == null ? "right|wrong [face] [label]" : verdict ? "[face]" : "[face] [label]";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(
                new CommandOption("verdict", "right or wrong", CommandOption.Type.STRING, true),
                new CommandOption("label", "who it really is (when wrong)", CommandOption.Type.STRING, false),
                new CommandOption("face", "which face, for a picture with several", CommandOption.Type.STRING, false));
    }

    @Override
    public boolean inPlatformMenu() {
        return verdict == null;
    }

    @Override
    public Map<String, String> parse(List<String> words) {
        Map<String, String> options = new HashMap<>();
        List<String> rest = words;
        if (verdict == null) {
            if (rest.isEmpty()) {
                return null;
            }
            options.put("verdict", rest.get(0));
            rest = rest.subList(1, rest.size());
        }
        if (!rest.isEmpty() && rest.get(0).matches("\\d{1,3}")) {
            options.put("face", rest.get(0));
            rest = rest.subList(1, rest.size());
        }
        if (!rest.isEmpty()) {
            options.put("label", rest.get(0));
            rest = rest.subList(1, rest.size());
        }
        return rest.isEmpty() ? options : null;
    }

    @Override
    public void run(CommandCall call) {
        boolean right;
        if (verdict != null) {
            right = verdict;
        } else if ("right".equalsIgnoreCase(call.option("verdict"))) {
            right = true;
        } else if ("wrong".equalsIgnoreCase(call.option("verdict"))) {
            right = false;
        } else {
            Replies.send(call.conversation(), Reply.text("Say `right` or `wrong`, e.g. `feedback wrong umi`."));
            return;
        }
        String label = call.option("label");
        if (right && label != null) {
            Replies.send(
                    call.conversation(),
                    Reply.text("A right answer needs no label — did you mean `wrong " + label + "`?"));
            return;
        }
        if (label != null && !Labels.isValid(label)) {
            Replies.send(
                    call.conversation(),
                    Reply.text("Labels are letters, digits, _ and - (up to " + Labels.MAX_LENGTH
                            + " characters), e.g. `wrong umi`."));
            return;
        }
        Integer face = null;
        if (call.option("face") != null) {
            try {
                face = Integer.parseInt(call.option("face").trim());
            } catch (NumberFormatException e) {
                Replies.send(call.conversation(), Reply.text("The face is a number, as in my answer: `wrong 2 umi`."));
                return;
            }
        }
        judge(call, right, face, label);
    }

    private void judge(CommandCall call, boolean right, Integer face, String label) {
        IncomingMessage m = call.message();
        workers.submit(call.conversation(), () -> {
            String answerId = answers.answerJudgedBy(m);
            JudgeAnswer.Result r;
            try {
                r = judging.judge(answerId, face, right, label, m.authorId(), settings.isAdmin(m));
            } catch (IllegalArgumentException e) {
                Replies.send(call.conversation(), Reply.text(e.getMessage() + "."));
                return;
            }
            Replies.send(call.conversation(), Reply.text(JudgeText.of(r, right, label, settings.prefix())));
        });
    }
}
