package umimegu.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import umimegu.teaching.ChannelMode;
import umimegu.usecase.ChannelModes;

/** {@code !channel on|off|commands-only} (admins): where I answer every picture, only when asked, or stay silent. */
public final class ChannelCommand implements ChatCommand {
    private final ChatWorkers worker;
    private final ChannelModes modes;
    private final ChatSettings settings;

    public ChannelCommand(ChatWorkers worker, ChannelModes modes, ChatSettings settings) {
        this.worker = worker;
        this.modes = modes;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "channel";
    }

    @Override
    public String description() {
        return "answer every picture here, only when asked, or stay silent (admins)";
    }

    @Override
    public String usage() {
        return "on|off|commands-only";
    }

    @Override
    public Optional<String> adminOnly(Map<String, String> options) {
        return options.containsKey("mode") ? Optional.of("change where I answer") : Optional.empty();
    }

    @Override
    public List<CommandOption> options() {
        return List.of(new CommandOption("mode", "on, off or commands-only", CommandOption.Type.STRING, false));
    }

    @Override
    public Map<String, String> parse(List<String> words) {
        if (words.isEmpty()) {
            return Map.of();
        }
        return words.size() == 1 ? Map.of("mode", words.get(0)) : null;
    }

    @Override
    public void run(CommandCall call) {
        String channel = call.message().channelId();
        String word = call.option("mode");
        if (word == null) {
            Replies.send(
                    call.conversation(),
                    Reply.text("Here I'm " + describe(modes.of(channel)) + " `" + settings.prefix() + "channel "
                            + usage() + "` changes it (admins)."));
            return;
        }
        Optional<ChannelMode> mode = ChannelMode.parse(word);
        if (mode.isEmpty()) {
            Replies.send(call.conversation(), Reply.text("Usage: `" + settings.prefix() + "channel " + usage() + "`"));
            return;
        }
        if (channel == null) {
            Replies.send(call.conversation(), Reply.text("This conversation has no channel to set."));
            return;
        }
        worker.submit(call.conversation(), () -> {
            try {
                modes.set(channel, mode.get(), call.message().authorId());
                Replies.send(call.conversation(), Reply.text("From now on I'm " + describe(mode.get())));
            } catch (IllegalStateException e) {
                Replies.send(call.conversation(), Reply.text("I can't change it: " + e.getMessage() + "."));
            }
        });
    }

    static String describe(ChannelMode mode) {
        return switch (mode) {
            case ON -> "answering every picture in this channel.";
            case COMMANDS_ONLY -> "answering pictures here only when asked (`classify` with a picture, or a mention).";
            case OFF -> "silent in this channel (only `channel` works).";
        };
    }
}
