package umimegu.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One thing a user can ask the bot by name, on any platform: {@code !stats 7d} typed in a channel
 * or {@code /stats period:7d} from Discord's menu reach the same {@link #run}. The text form is
 * turned into named options by {@link #parse}; a platform with typed options passes them directly.
 */
public interface ChatCommand {
    String name();

    /** One line for {@code !help} and the platform's command list. */
    String description();

    /** What follows the name in the text form, e.g. {@code [12h|7d|4w] [@user]}; empty when nothing. */
    default String usage() {
        return "";
    }

    default List<CommandOption> options() {
        return List.of();
    }

    /**
     * What a member who is not an admin is refused doing with these options, in the words "Sorry,
     * only admins can …" ends with; empty when anyone may. The dispatcher checks it for every front end.
     */
    default Optional<String> adminOnly(Map<String, String> options) {
        return Optional.empty();
    }

    /** Whether platforms with their own command menu (Discord) list it; {@code help} they need not. */
    default boolean inPlatformMenu() {
        return true;
    }

    /** The words after the name as named options; {@code null} when they do not fit (the usage is shown). */
    default Map<String, String> parse(List<String> words) {
        return Map.of();
    }

    void run(CommandCall call);
}
