package umimegu.chat;

import java.util.List;

/** {@code !classify} with pictures attached (or Discord's {@code /classify image:}): the same answer as posting them. */
public final class ClassifyCommand implements ChatCommand {
    private final PictureAnswers answers;

    public ClassifyCommand(PictureAnswers answers) {
        this.answers = answers;
    }

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String description() {
        return "say who is in the attached picture";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(new CommandOption("image", "the picture", CommandOption.Type.ATTACHMENT, true));
    }

    @Override
    public java.util.Map<String, String> parse(List<String> words) {
        return java.util.Map.of(); // the picture comes as an attachment
    }

    @Override
    public void run(CommandCall call) {
        if (call.message().attachments().stream().noneMatch(Attachment::looksLikeImage)) {
            Replies.send(call.conversation(), Reply.text("Attach a picture to `classify` and I'll say who is in it."));
            return;
        }
        answers.answerAll(call.message(), call.conversation());
    }
}
