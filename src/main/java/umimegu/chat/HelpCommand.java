package umimegu.chat;

import java.util.function.Supplier;

/** {@code !help}: every command of the registry, with what it does. */
final class HelpCommand implements ChatCommand {
    private final Supplier<String> text;

    HelpCommand(Supplier<String> text) {
        this.text = text;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String description() {
        return "this text";
    }

    @Override
    public boolean inPlatformMenu() {
        return false;
    }

    @Override
    public void run(CommandCall call) {
        Replies.send(call.conversation(), Reply.text(text.get()));
    }
}
