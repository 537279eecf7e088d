package umimegu.chat.discord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.javacord.api.entity.channel.ServerTextChannel;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageAttachment;
import org.javacord.api.entity.message.MessageAuthor;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.event.message.MessageCreateEvent;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandInteractionOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.LoggerFactory;
import umimegu.chat.ChatBot;
import umimegu.chat.Conversation;
import umimegu.chat.IncomingMessage;

/** How Javacord events become core messages, with Javacord mocked at the adapter's boundary. */
class DiscordBotMappingTest {
    private static final long CAP = 1000;

    private final ChatBot core = mock(ChatBot.class);
    private final DiscordBot discord = new DiscordBot(core, CAP, Set.of());
    private final Server server = mock(Server.class);
    private final ServerTextChannel channel = mock(ServerTextChannel.class);
    private final User user = mock(User.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger discordLog = (Logger) LoggerFactory.getLogger(DiscordBot.class);

    @BeforeEach
    void wire() {
        when(core.prefix()).thenReturn("!");
        when(server.getIdAsString()).thenReturn("900");
        when(channel.getIdAsString()).thenReturn("800");
        when(user.getIdAsString()).thenReturn("700");
        logs.start();
        discordLog.addAppender(logs);
    }

    @AfterEach
    void unwire() {
        discordLog.detachAppender(logs);
    }

    @Test
    void aServerMessageBecomesACoreMessageWithItsPictureDownloaded() {
        MessageAttachment picture = attachment("face.PNG", 3, new byte[] {1, 2, 3});
        when(server.isAdmin(user)).thenReturn(true);

        discord.onMessage(message("look!", Optional.of(server), picture));

        IncomingMessage m = handled();
        assertEquals("look!", m.text());
        assertEquals("700", m.authorId());
        assertTrue(m.authorIsAdmin());
        assertEquals("800", m.channelId());
        assertEquals("900", m.guildId());
        assertEquals(1, m.attachments().size());
        assertEquals("face.PNG", m.attachments().get(0).fileName());
        assertArrayEquals(new byte[] {1, 2, 3}, m.attachments().get(0).bytes());
    }

    @Test
    void oversizeAndNonImageAttachmentsAreNotDownloadedButStillReachTheCore() {
        MessageAttachment huge = attachment("big.jpg", CAP + 1, new byte[0]);
        MessageAttachment text = attachment("notes.txt", 10, new byte[0]);

        discord.onMessage(message("", Optional.of(server), huge, text));

        IncomingMessage m = handled();
        assertEquals(2, m.attachments().size());
        assertEquals(CAP + 1, m.attachments().get(0).size());
        assertNull(m.attachments().get(0).bytes(), "the core refuses it politely from the declared size");
        assertNull(m.attachments().get(1).bytes());
        verify(huge, never()).asByteArray();
        verify(text, never()).asByteArray();
    }

    @Test
    void adminRightsComeFromAdministratorOrManageServer() {
        discord.onMessage(message("!train", Optional.of(server)));
        assertFalse(handled().authorIsAdmin());

        when(server.canManage(user)).thenReturn(true);
        ChatBot core2 = mock(ChatBot.class);
        new DiscordBot(core2, CAP, Set.of()).onMessage(message("!train", Optional.of(server)));
        ArgumentCaptor<IncomingMessage> captor = ArgumentCaptor.forClass(IncomingMessage.class);
        verify(core2, timeout(2000)).handle(captor.capture(), any(Conversation.class));
        assertTrue(captor.getValue().authorIsAdmin());
    }

    @Test
    void aDirectMessageHasNoGuildAndNoAdminRights() {
        discord.onMessage(message("!train", Optional.empty()));
        IncomingMessage m = handled();
        assertNull(m.guildId());
        assertFalse(m.authorIsAdmin());
    }

    @Test
    void botsAndTheBotItselfAreIgnored() {
        MessageCreateEvent fromBot = message("!help", Optional.of(server));
        when(fromBot.getMessageAuthor().isBotUser()).thenReturn(true);
        discord.onMessage(fromBot);
        MessageCreateEvent fromSelf = message("!help", Optional.of(server));
        when(fromSelf.getMessageAuthor().isYourself()).thenReturn(true);
        discord.onMessage(fromSelf);
        verify(core, never()).handle(any(), any());
    }

    @Test
    void emptyServerMessagesLogTheMessageContentHintOnce() {
        discord.onMessage(message("", Optional.of(server)));
        discord.onMessage(message("", Optional.of(server)));
        long hints = logs.list.stream()
                .filter(e -> e.getFormattedMessage().contains("MESSAGE CONTENT intent"))
                .count();
        assertEquals(1, hints);
    }

    @Test
    void slashStatsIsDeferredFirstAndPassesItsTypedOptions() {
        SlashCommandInteraction interaction = interaction("stats");
        User other = mock(User.class);
        when(other.getIdAsString()).thenReturn("555");
        List<SlashCommandInteractionOption> arguments =
                List.of(stringOption("period", "7d"), userOption("user", other));
        when(interaction.getArguments()).thenReturn(arguments);

        discord.onSlashCommand(interaction);

        Command c = command();
        assertEquals("stats", c.name());
        assertEquals(java.util.Map.of("period", "7d", "user", "555"), c.options());
        var order = inOrder(interaction, core);
        order.verify(interaction).respondLater();
        order.verify(core).handleCommand(any(), any(), any(), any());
    }

    @Test
    void slashClassifyHandsTheAttachmentOptionOverAsAPicture() {
        SlashCommandInteraction interaction = interaction("classify");
        MessageAttachment picture = attachment("x.jpg", 2, new byte[] {9, 9});
        SlashCommandInteractionOption image = option("image");
        when(image.getAttachmentValue()).thenReturn(Optional.of(picture));
        when(interaction.getArguments()).thenReturn(List.of(image));

        discord.onSlashCommand(interaction);

        Command c = command();
        assertEquals("classify", c.name());
        IncomingMessage m = c.message();
        assertEquals("", m.text());
        assertArrayEquals(new byte[] {9, 9}, m.attachments().get(0).bytes());
        assertEquals("900", m.guildId());
        assertEquals("800", m.channelId());
    }

    @Test
    void slashTrainBecomesTheTrainCommandWithTheUsersRights() {
        SlashCommandInteraction interaction = interaction("train");
        when(server.isAdmin(user)).thenReturn(true);
        discord.onSlashCommand(interaction);
        Command c = command();
        assertEquals("train", c.name());
        assertTrue(c.message().authorIsAdmin());
    }

    @Test
    void theSlashMenuIsTheChatsCommandRegistry() {
        var menu = DiscordBot.slashCommands(new umimegu.chat.ChatCommands(
                List.of(
                        new FakeCommand(
                                "stats",
                                List.of(new umimegu.chat.CommandOption(
                                        "period", "e.g. 7d", umimegu.chat.CommandOption.Type.STRING, false))),
                        new FakeCommand("classify", List.of())),
                "!"));
        assertEquals(2, menu.size());
    }

    private record FakeCommand(String name, List<umimegu.chat.CommandOption> options)
            implements umimegu.chat.ChatCommand {
        @Override
        public String description() {
            return "does " + name;
        }

        @Override
        public void run(umimegu.chat.CommandCall call) {}
    }

    private record Command(String name, java.util.Map<String, String> options, IncomingMessage message) {}

    @SuppressWarnings("unchecked")
    private Command command() {
        ArgumentCaptor<String> name = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<java.util.Map<String, String>> options = ArgumentCaptor.forClass(java.util.Map.class);
        ArgumentCaptor<IncomingMessage> message = ArgumentCaptor.forClass(IncomingMessage.class);
        verify(core, timeout(2000))
                .handleCommand(name.capture(), options.capture(), message.capture(), any(Conversation.class));
        return new Command(name.getValue(), options.getValue(), message.getValue());
    }

    private static SlashCommandInteractionOption option(String name) {
        SlashCommandInteractionOption o = mock(SlashCommandInteractionOption.class);
        when(o.getName()).thenReturn(name);
        when(o.getStringValue()).thenReturn(Optional.empty());
        when(o.getUserValue()).thenReturn(Optional.empty());
        when(o.getAttachmentValue()).thenReturn(Optional.empty());
        return o;
    }

    private static SlashCommandInteractionOption stringOption(String name, String value) {
        SlashCommandInteractionOption o = option(name);
        when(o.getStringValue()).thenReturn(Optional.of(value));
        return o;
    }

    private static SlashCommandInteractionOption userOption(String name, User value) {
        SlashCommandInteractionOption o = option(name);
        when(o.getUserValue()).thenReturn(Optional.of(value));
        return o;
    }

    private IncomingMessage handled() {
        ArgumentCaptor<IncomingMessage> captor = ArgumentCaptor.forClass(IncomingMessage.class);
        verify(core, timeout(2000)).handle(captor.capture(), any(Conversation.class));
        return captor.getValue();
    }

    private MessageCreateEvent message(String text, Optional<Server> where, MessageAttachment... files) {
        MessageCreateEvent event = mock(MessageCreateEvent.class);
        MessageAuthor author = mock(MessageAuthor.class);
        Message message = mock(Message.class);
        when(event.getMessageAuthor()).thenReturn(author);
        when(author.getIdAsString()).thenReturn("700");
        when(author.asUser()).thenReturn(Optional.of(user));
        when(event.getMessageContent()).thenReturn(text);
        when(event.getMessage()).thenReturn(message);
        when(message.getAttachments()).thenReturn(List.of(files));
        when(event.getServer()).thenReturn(where);
        when(event.getChannel()).thenReturn(channel);
        return event;
    }

    private SlashCommandInteraction interaction(String name) {
        SlashCommandInteraction interaction = mock(SlashCommandInteraction.class);
        when(interaction.getFullCommandName()).thenReturn(name);
        when(interaction.respondLater()).thenReturn(new CompletableFuture<>());
        when(interaction.getUser()).thenReturn(user);
        when(interaction.getServer()).thenReturn(Optional.of(server));
        when(interaction.getChannel()).thenReturn(Optional.of(channel));
        when(interaction.getArguments()).thenReturn(List.of());
        return interaction;
    }

    private static MessageAttachment attachment(String name, long size, byte[] bytes) {
        MessageAttachment a = mock(MessageAttachment.class);
        when(a.getFileName()).thenReturn(name);
        when(a.getSize()).thenReturn((int) size);
        when(a.asByteArray()).thenReturn(CompletableFuture.completedFuture(bytes));
        return a;
    }
}
