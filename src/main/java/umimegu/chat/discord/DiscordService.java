package umimegu.chat.discord;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.app.Application;
import umimegu.chat.ChatBot;
import umimegu.config.Cluster;
import umimegu.usecase.FollowCurrentModel;
import umimegu.usecase.HistorySession;
import umimegu.usecase.LiveModel;

/**
 * The running Discord bot with everything it holds: history (when the database opens), the
 * recorder, the chat core and the Discord connection, closed in reverse order.
 */
public final class DiscordService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordService.class);
    private static final long LOGIN_TIMEOUT_SECONDS = 60;

    private final HistorySession history;
    private final ChatBot chat;
    private final DiscordBot discord;
    private final FollowCurrentModel follower;
    private final LiveModel live;

    private DiscordService(
            HistorySession history, ChatBot chat, DiscordBot discord, FollowCurrentModel follower, LiveModel live) {
        this.live = live;
        this.history = history;
        this.chat = chat;
        this.discord = discord;
        this.follower = follower;
    }

    /**
     * Logs in and starts answering; throws {@link DiscordLoginException} (after closing what it
     * opened) when Discord cannot be reached in time or refuses the login.
     */
    public static DiscordService start(Application app, DiscordConnection connection) {
        HistorySession history = app.historySession();
        LiveModel live = app.liveModel();
        ChatBot chat = app.chatBot("discord", live, history);
        Cluster cluster = app.config().cluster();
        DiscordBot discord = new DiscordBot(
                chat,
                app.config().chat().maxAttachmentBytes(),
                app.config().discordGuildIds(),
                cluster.shard(),
                cluster.shards());
        FollowCurrentModel follower = app.followCurrentModel(live).start(cluster.followModelsEvery());
        DiscordService service = new DiscordService(history, chat, discord, follower, live);
        try {
            CompletableFuture.runAsync(() -> discord.start(connection)).get(LOGIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return service;
        } catch (TimeoutException e) {
            service.close();
            throw new DiscordLoginException(
                    "Discord did not answer the login within " + LOGIN_TIMEOUT_SECONDS
                            + " s (is discord.com reachable from here?)",
                    e);
        } catch (ExecutionException e) {
            service.close();
            throw new DiscordLoginException(
                    "Could not log in to Discord: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            service.close();
            throw new DiscordLoginException("interrupted while logging in", e);
        }
    }

    public ChatBot chat() {
        return chat;
    }

    /** The model answering in this process (the web page, when served beside the bot, answers with it too). */
    public LiveModel live() {
        return live;
    }

    public HistorySession history() {
        return history;
    }

    @Override
    public void close() {
        follower.close();
        try {
            discord.close();
        } catch (RuntimeException e) {
            log.warn("Disconnecting from Discord failed: {}", e.getMessage());
        }
        chat.close();
        history.close();
    }
}
