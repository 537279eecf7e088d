package umimegu.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every chat command, in the order {@code !help} lists them. The text dispatcher, {@code !help}
 * and the platforms' command registration (Discord's slash commands) all read this one list.
 */
public final class ChatCommands {
    private final List<ChatCommand> commands;

    public ChatCommands(List<ChatCommand> commands) {
        this.commands = List.copyOf(commands);
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
