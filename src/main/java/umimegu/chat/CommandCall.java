package umimegu.chat;

import java.util.Map;

/** A command as it arrives: the message (author, rights, attachments), its named options, and where to answer. */
public record CommandCall(IncomingMessage message, Map<String, String> options, Conversation conversation) {
    public CommandCall {
        options = Map.copyOf(options);
    }

    public String option(String name) {
        return options.get(name);
    }
}
