package umimegu.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every chat command, in the order {@code !help} lists them, built once in the wiring; {@code !help}
 * comes last, made from the list itself. The text dispatcher, {@code !help} and the platforms'
 * command registration (Discord's slash commands) all read this one list.
 */
public final class ChatCommands {
    private final List<ChatCommand> commands;

    /** {@code prefix} starts a command in the chat ({@code !}); {@code !help} shows it. */
    public ChatCommands(List<ChatCommand> commands, String prefix) {
        List<ChatCommand> all = new ArrayList<>(commands);
        all.add(new HelpCommand(this, prefix));
        this.commands = List.copyOf(all);
    }

    public List<ChatCommand> all() {
        return commands;
    }

    public Optional<ChatCommand> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return commands.stream().filter(c -> c.name().equals(wanted)).findFirst();
    }

    public String help(String prefix) {
        List<String> lines = new ArrayList<>();
        lines.add("Post a picture and I'll say who is in it, one line per face.");
        for (ChatCommand c : commands) {
            String usage = c.usage().isEmpty() ? "" : " " + c.usage();
            lines.add("`" + prefix + c.name() + usage + "` " + c.description());
        }
        return String.join("\n", lines);
    }
}
