package umimegu.chat.discord.standin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A message the bot posted (in a channel or as an interaction response), with its edits. */
public final class BotMessage {
    private final String id;
    private final String channelId;
    private final String interactionToken;
    final List<String> versions = new CopyOnWriteArrayList<>();
    final List<RecordedRequest.Part> files = new CopyOnWriteArrayList<>();

    BotMessage(String id, String channelId, String interactionToken) {
        this.id = id;
        this.channelId = channelId;
        this.interactionToken = interactionToken;
    }

    public String id() {
        return id;
    }

    public String channelId() {
        return channelId;
    }

    public String interactionToken() {
        return interactionToken;
    }

    /** The text now shown. */
    public String content() {
        return versions.isEmpty() ? "" : versions.get(versions.size() - 1);
    }

    /** The first text and every edit, in order. */
    public List<String> versions() {
        return List.copyOf(versions);
    }

    public List<RecordedRequest.Part> files() {
        return List.copyOf(files);
    }

    @Override
    public String toString() {
        return "BotMessage[" + content()
                + (files.isEmpty()
                        ? ""
                        : ", files="
                                + files.stream()
                                        .map(RecordedRequest.Part::fileName)
                                        .toList()) + "]";
    }
}
