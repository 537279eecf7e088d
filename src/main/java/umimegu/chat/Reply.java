package umimegu.chat;

import java.util.List;

/** What the bot posts: text and any number of files (PNG pictures). */
public record Reply(String text, List<OutgoingFile> files) {
    public Reply {
        files = List.copyOf(files);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of());
    }

    public record OutgoingFile(String name, byte[] bytes) {}
}
