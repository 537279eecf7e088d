package umimegu.chat.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.javacord.api.DiscordApi;
import org.javacord.api.DiscordApiBuilder;
import org.javacord.api.entity.Attachment;
import org.javacord.api.entity.intent.Intent;
import org.javacord.api.entity.message.MessageReference;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.event.message.MessageCreateEvent;
import org.javacord.api.event.message.reaction.ReactionAddEvent;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandInteractionOption;
import org.javacord.api.interaction.SlashCommandOption;
import org.javacord.api.interaction.SlashCommandOptionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.chat.ChatBot;
import umimegu.chat.ChatCommand;
import umimegu.chat.ChatCommands;
import umimegu.chat.IncomingMessage;

/**
 * The Discord front end on Javacord, the only code that knows Javacord: it turns gateway events
 * into {@link IncomingMessage}s for the {@link ChatBot} and replies into Discord messages.
 * Attachments are downloaded as the message arrives (CDN links expire), up to the size cap.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    private final ChatBot bot;
    private final long maxAttachmentBytes;
    private final Set<String> guildIds;
    private final int shard;
    private final int shards;
    private final AtomicBoolean emptyContentHintGiven = new AtomicBoolean();
    private DiscordApi api;

    public DiscordBot(ChatBot bot, long maxAttachmentBytes, Set<String> guildIds) {
        this(bot, maxAttachmentBytes, guildIds, 0, 1);
    }

    /** Shard {@code shard} of {@code shards}: Discord sends this process the events of its share of the servers. */
    public DiscordBot(ChatBot bot, long maxAttachmentBytes, Set<String> guildIds, int shard, int shards) {
        this.bot = bot;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.guildIds = guildIds;
        this.shard = shard;
        this.shards = shards;
    }

    public DiscordApi start(DiscordConnection connection) {
        DiscordApiBuilder builder =
                new DiscordApiBuilder().setToken(connection.token()).addIntents(Intent.MESSAGE_CONTENT);
        if (connection.proxy() != null) {
            builder.setProxy(connection.proxy());
        }
        builder.setTrustAllCertificates(connection.trustAllCertificates());
        if (shards > 1) {
            builder.setTotalShards(shards).setCurrentShard(shard);
        }
        api = builder.login().join();
        api.addMessageCreateListener(this::onMessage);
        api.addSlashCommandCreateListener(event -> onSlashCommand(event.getSlashCommandInteraction()));
        api.addReactionAddListener(this::onReaction);
        if (shard == 0) {
            registerSlashCommands(); // once for all shards: they share the application's commands
        }
        log.info(
                "Logged in to Discord as {}{}",
                api.getYourself().getDiscriminatedName(),
                shards > 1 ? " (shard " + shard + " of " + shards + ")" : "");
        return api;
    }

    /** Discord's command menu, made from the chat's command registry. */
    static Set<SlashCommandBuilder> slashCommands(ChatCommands registry) {
        Set<SlashCommandBuilder> commands = new java.util.LinkedHashSet<>();
        for (ChatCommand c : registry.all()) {
            if (!c.inPlatformMenu()) {
                continue;
            }
            List<SlashCommandOption> options = c.options().stream()
                    .map(o -> SlashCommandOption.create(
                            switch (o.type()) {
                                case STRING -> SlashCommandOptionType.STRING;
                                case USER -> SlashCommandOptionType.USER;
                                case ATTACHMENT -> SlashCommandOptionType.ATTACHMENT;
                            },
                            o.name(),
                            o.description(),
                            o.required()))
                    .toList();
            String description = Character.toUpperCase(c.description().charAt(0))
                    + c.description().substring(1);
            commands.add(SlashCommand.with(
                    c.name(), description.length() > 100 ? description.substring(0, 100) : description, options));
        }
        return commands;
    }

    private void registerSlashCommands() {
        Set<SlashCommandBuilder> commands = slashCommands(bot.commands());
        CompletableFuture<?> done = guildIds.isEmpty()
                ? api.bulkOverwriteGlobalApplicationCommands(commands)
                : CompletableFuture.allOf(guildIds.stream()
                        .map(id -> api.bulkOverwriteServerApplicationCommands(Long.parseLong(id), commands))
                        .toArray(CompletableFuture[]::new));
        done.exceptionally(e -> {
            log.error("Could not register the slash commands: {}", e.getMessage());
            return null;
        });
    }

    void onMessage(MessageCreateEvent event) {
        if (event.getMessageAuthor().isYourself() || event.getMessageAuthor().isBotUser()) {
            return;
        }
        String text = event.getMessageContent();
        List<Attachment> attachments = new ArrayList<>(event.getMessage().getAttachments());
        if (text.isEmpty()
                && attachments.isEmpty()
                && event.getServer().isPresent()
                && emptyContentHintGiven.compareAndSet(false, true)) {
            log.warn(
                    "Messages arrive without content or attachments: switch on the MESSAGE CONTENT intent for this bot "
                            + "in the Discord Developer Portal (Bot > Privileged Gateway Intents). Slash commands work without it.");
        }
        boolean admin = isAdmin(event.getServer(), event.getMessageAuthor().asUser());
        String replyTo = event.getMessage()
                .getMessageReference()
                .flatMap(MessageReference::getMessageId)
                .map(String::valueOf)
                .orElse(null);
        boolean mentionsBot = event.getMessage().getMentionedUsers().stream().anyMatch(User::isYourself);
        download(attachments)
                .thenAccept(files -> bot.handle(
                        new IncomingMessage(
                                text,
                                files,
                                event.getMessageAuthor().getIdAsString(),
                                admin,
                                event.getChannel().getIdAsString(),
                                event.getServer().map(Server::getIdAsString).orElse(null),
                                replyTo,
                                mentionsBot),
                        new ChannelConversation(event.getChannel())))
                .exceptionally(e -> {
                    log.error("Could not handle a message: {}", e.getMessage());
                    return null;
                });
    }

    /** ✅ or ❌ on one of the bot's answers judges it; the core ignores reactions on anything else. */
    void onReaction(ReactionAddEvent event) {
        if (api != null && event.getUserId() == api.getYourself().getId()) {
            return;
        }
        event.getEmoji()
                .asUnicodeEmoji()
                .ifPresent(emoji -> bot.react(
                        String.valueOf(event.getMessageId()),
                        emoji,
                        event.getUserIdAsString(),
                        event.getChannel().getIdAsString(),
                        new ChannelConversation(event.getChannel())));
    }

    void onSlashCommand(SlashCommandInteraction interaction) {
        var deferred = interaction.respondLater();
        deferred.exceptionally(e -> {
            log.error("Could not defer an interaction: {}", e.getMessage());
            return null;
        });
        String name = interaction.getFullCommandName();
        List<Attachment> attachments = new ArrayList<>();
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (SlashCommandInteractionOption option : interaction.getArguments()) {
            option.getAttachmentValue().ifPresent(attachments::add);
            option.getUserValue().ifPresent(u -> options.put(option.getName(), u.getIdAsString()));
            option.getStringValue().ifPresent(v -> options.put(option.getName(), v));
        }
        boolean admin = isAdmin(interaction.getServer(), Optional.of(interaction.getUser()));
        InteractionConversation conversation = new InteractionConversation(interaction, deferred);
        download(attachments)
                .thenAccept(files -> bot.handleCommand(
                        name,
                        options,
                        new IncomingMessage(
                                "",
                                files,
                                interaction.getUser().getIdAsString(),
                                admin,
                                interaction
                                        .getChannel()
                                        .map(c -> c.getIdAsString())
                                        .orElse(null),
                                interaction
                                        .getServer()
                                        .map(Server::getIdAsString)
                                        .orElse(null)),
                        conversation))
                .exceptionally(e -> {
                    log.error("Could not handle /{}: {}", name, e.getMessage());
                    return null;
                });
    }

    /** Downloads each attachment under the cap; larger ones keep their size but no bytes, so the core can refuse politely. */
    private CompletableFuture<List<umimegu.chat.Attachment>> download(List<Attachment> attachments) {
        List<CompletableFuture<umimegu.chat.Attachment>> pending = new ArrayList<>();
        for (Attachment a : attachments) {
            String contentType = null; // Javacord 3.8 does not expose it: the file extension decides
            var metadata = new umimegu.chat.Attachment(a.getFileName(), contentType, a.getSize(), null);
            if (!metadata.looksLikeImage() || a.getSize() > maxAttachmentBytes) {
                pending.add(CompletableFuture.completedFuture(metadata));
            } else {
                pending.add(a.asByteArray()
                        .thenApply(bytes ->
                                new umimegu.chat.Attachment(a.getFileName(), contentType, bytes.length, bytes)));
            }
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(v -> pending.stream().map(CompletableFuture::join).toList());
    }

    private static boolean isAdmin(Optional<Server> server, Optional<User> user) {
        return server.isPresent()
                && user.isPresent()
                && (server.get().isAdmin(user.get()) || server.get().canManage(user.get()));
    }

    @Override
    public void close() {
        if (api != null) {
            api.disconnect()
                    .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(e -> {
                        log.warn("Disconnecting from Discord did not finish: {}", e.toString());
                        return null;
                    })
                    .join();
            api = null;
        }
    }
}
