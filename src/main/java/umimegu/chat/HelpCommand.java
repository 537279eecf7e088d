package umimegu.chat;

/** {@code !help}: every command of the registry, with what it does. */
final class HelpCommand implements ChatCommand {
    private final ChatCommands commands;
    private final String prefix;

    HelpCommand(ChatCommands commands, String prefix) {
        this.commands = commands;
        this.prefix = prefix;
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
        Replies.send(call.conversation(), Reply.text(commands.help(prefix)));
    }
}
