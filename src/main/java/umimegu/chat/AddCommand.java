package umimegu.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import umimegu.teaching.Labels;
import umimegu.usecase.AddPictures;
import umimegu.vision.DecoderBusyException;

/**
 * {@code !add <label> [--all]} with pictures attached: the largest face of each (or every face)
 * joins the training pictures (admins) or waits for review (members).
 */
public final class AddCommand implements ChatCommand {
    private final ChatWorkers worker;
    private final AddPictures adding;
    private final ChatSettings settings;

    public AddCommand(ChatWorkers worker, AddPictures adding, ChatSettings settings) {
        this.worker = worker;
        this.adding = adding;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "add";
    }

    @Override
    public String description() {
        return "add the attached pictures' faces as training pictures of a label (members' wait for review)";
    }

    @Override
    public String usage() {
        return "<label> [--all]";
    }

    @Override
    public List<CommandOption> options() {
        return List.of(
                new CommandOption("label", "who is in the pictures", CommandOption.Type.STRING, true),
                new CommandOption("image", "the picture", CommandOption.Type.ATTACHMENT, true),
                new CommandOption(
                        "all", "every face, not only the largest (yes/no)", CommandOption.Type.STRING, false));
    }

    @Override
    public Map<String, String> parse(List<String> words) {
        Map<String, String> options = new HashMap<>();
        for (String w : words) {
            if (w.equals("--all")) {
                options.put("all", "yes");
            } else if (!options.containsKey("label")) {
                options.put("label", w);
            } else {
                return null;
            }
        }
        return options.containsKey("label") ? options : null;
    }

    @Override
    public void run(CommandCall call) {
        String label = call.option("label");
        if (!Labels.isValid(label)) {
            Replies.send(
                    call.conversation(),
                    Reply.text("Labels are letters, digits, _ and - (up to " + Labels.MAX_LENGTH
                            + " characters), e.g. `" + settings.prefix() + "add umi` with pictures attached."));
            return;
        }
        List<Attachment> pictures = call.message().attachments().stream()
                .filter(Attachment::looksLikeImage)
                .toList();
        if (pictures.isEmpty()) {
            Replies.send(
                    call.conversation(),
                    Reply.text("Attach the pictures to `" + settings.prefix() + "add " + label + "`."));
            return;
        }
        boolean all = "yes".equalsIgnoreCase(call.option("all")) || "true".equalsIgnoreCase(call.option("all"));
        boolean admin = settings.isAdmin(call.message());
        worker.submit(call.conversation(), () -> {
            List<String> tooLarge = new ArrayList<>();
            List<AddPictures.Picture> readable = new ArrayList<>();
            for (Attachment a : pictures) {
                if (a.bytes() == null || a.size() > settings.maxAttachmentBytes()) {
                    tooLarge.add(a.fileName());
                } else {
                    readable.add(new AddPictures.Picture(a.fileName(), a.bytes()));
                }
            }
            AddPictures.Report report;
            try {
                report = adding.add(label, readable, all, call.message().authorId(), admin);
            } catch (IllegalStateException e) {
                Replies.send(
                        call.conversation(),
                        Reply.text("I can't take pictures from members right now: " + e.getMessage() + "."));
                return;
            } catch (DecoderBusyException e) {
                Replies.send(
                        call.conversation(), Reply.text("I'm busy with other large pictures: " + e.getMessage() + "."));
                return;
            }
            Replies.send(call.conversation(), Reply.text(describe(label, report, tooLarge)));
        });
    }

    private String describe(String label, AddPictures.Report r, List<String> tooLarge) {
        List<String> lines = new ArrayList<>();
        if (r.queued() > 0) {
            lines.add(faces(r.queued()) + " of " + label + " wait for an admin's review (`" + settings.prefix()
                    + "review`).");
        } else {
            lines.add("Added " + faces(r.added()) + " to " + label
                    + (r.added() > 0 ? "; they count from the next `" + settings.prefix() + "train`." : "."));
        }
        if (r.duplicates() > 0) {
            lines.add(faces(r.duplicates()) + " were already there.");
        }
        if (!r.noFace().isEmpty()) {
            lines.add("No face found in: " + String.join(", ", r.noFace()));
        }
        if (!r.unreadable().isEmpty()) {
            lines.add("Couldn't read: " + String.join("; ", r.unreadable()));
        }
        if (!tooLarge.isEmpty()) {
            lines.add("Too large: " + String.join(", ", tooLarge));
        }
        return String.join("\n", lines);
    }

    private static String faces(int n) {
        return n == 1 ? "1 face" : n + " faces";
    }
}
