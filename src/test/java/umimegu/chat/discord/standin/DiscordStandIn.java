package umimegu.chat.discord.standin;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.javacord.core.util.gateway.DiscordWebSocketAdapter;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import umimegu.chat.discord.DiscordConnection;

/**
 * A Discord of our own on 127.0.0.1 for end-to-end tests of the unmodified Javacord client:
 * gateway, REST API behind a TLS-terminating CONNECT proxy, attachment CDN. One server with a few
 * text channels and members (an admin, a plain member, ten fans); typed helpers post messages and
 * slash commands as those users; what the bot sends is recorded. A test fails (after each test)
 * when Javacord warns about a packet, the bot logs an error, a request hits an unknown route, or
 * something tried to leave the machine.
 *
 * <p>Register with {@code @RegisterExtension static DiscordStandIn discord = new DiscordStandIn();}
 * and log the bot in with {@link #connection()}.
 */
public final class DiscordStandIn implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    /** A user of the stand-in server. */
    public record Member(String id, String name, boolean admin, boolean bot) {
        public String mention() {
            return "<@" + id + ">";
        }
    }

    /** A file a member attaches. */
    public record Upload(String fileName, byte[] bytes) {}

    /** An option of a slash command, as Discord resolves it. */
    public record Option(String name, int type, String value, Upload upload, Member user) {
        public static Option string(String name, String value) {
            return new Option(name, 3, value, null, null);
        }

        public static Option user(String name, Member user) {
            return new Option(name, 6, user.id(), null, user);
        }

        public static Option attachment(String name, Upload upload) {
            return new Option(name, 11, null, upload, null);
        }
    }

    public static final String GUILD_ID = "1100000000000000001";
    /** A second server, for a sharded bot: with 2 shards it belongs to shard 0 and {@link #GUILD_ID} to shard 1. */
    public static final String SECOND_GUILD_ID = "1100000000004194305";

    public static final String APPLICATION_ID = "1100000000000000003";
    private static final String OWNER_ID = "1100000000000000004";
    private static final String ADMIN_ROLE_ID = "1100000000000000005";
    private static final String SECOND_ADMIN_ROLE_ID = "1100000000000000006";
    private static final AtomicInteger LOGINS = new AtomicInteger();
    private static final String TRUST_ALL_WARNING = "All SSL certificates are trusted";

    private final Member botUser = new Member(APPLICATION_ID, "umimegu", false, true);
    private final Member owner = new Member(OWNER_ID, "owner", false, false);
    private final Member admin = new Member("1100000000000000010", "ayaka", true, false);
    private final Member member = new Member("1100000000000000011", "bob", false, false);
    private final List<Member> fans = new ArrayList<>();
    private final List<String> channels = new ArrayList<>();
    private final List<String> secondChannels = new ArrayList<>();
    private final int shards;
    private final AtomicLong ids = new AtomicLong(1_100_000_000_001_000_000L);
    private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    private final List<JsonNode> resumes = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<ILoggingEvent> logged = new CopyOnWriteArrayList<>();
    private final LogCapture logCapture = new LogCapture();

    private Path dir;
    private RestApi rest;
    private RestRoutes routes;
    private Gateway gateway;
    private ConnectProxy proxy;
    private volatile String token;

    public DiscordStandIn() {
        this(1);
    }

    /**
     * A Discord for a bot running {@code shards} shards: each identified shard gets the servers
     * whose {@code (guild_id >> 22) % shards} is its index, as Discord splits them; with more than one
     * shard there is a second server.
     */
    public DiscordStandIn(int shards) {
        this.shards = shards;
        for (int i = 0; i < 8; i++) {
            secondChannels.add(String.valueOf(1_100_000_000_000_000_200L + i));
        }
        for (int i = 0; i < 10; i++) {
            fans.add(new Member(String.valueOf(1_100_000_000_000_000_020L + i), "fan" + i, false, false));
        }
        for (int i = 0; i < 8; i++) {
            channels.add(String.valueOf(1_100_000_000_000_000_100L + i));
        }
    }

    public Member admin() {
        return admin;
    }

    public Member member() {
        return member;
    }

    public Member fan(int i) {
        return fans.get(i);
    }

    /** One of the second server's eight text channels (there is a second server when the bot shards). */
    public String secondChannel(int i) {
        return secondChannels.get(i);
    }

    /** The shard Discord sends a server's events to. */
    public int shardOf(String guildId) {
        return (int) ((Long.parseLong(guildId) >> 22) % shards);
    }

    private static String adminRole(String guildId) {
        return guildId.equals(SECOND_GUILD_ID) ? SECOND_ADMIN_ROLE_ID : ADMIN_ROLE_ID;
    }

    private String guildOf(String channelId) {
        return secondChannels.contains(channelId) ? SECOND_GUILD_ID : GUILD_ID;
    }

    private List<String> guilds() {
        return shards > 1 ? List.of(GUILD_ID, SECOND_GUILD_ID) : List.of(GUILD_ID);
    }

    private void dispatchIn(String channelId, String type, JsonNode data) {
        gateway.dispatch(shardOf(guildOf(channelId)), type, data);
    }

    /** One of the server's eight text channels; give each test its own to keep replies apart. */
    public String channel(int i) {
        return channels.get(i);
    }

    /** The server's text channel marked NSFW (the last one; the others are not). */
    public String nsfwChannel() {
        return channels.get(channels.size() - 1);
    }

    // ---------------------------------------------------------------- lifecycle

    public void start() throws Exception {
        dir = Files.createTempDirectory("discord-stand-in");
        routes = new RestRoutes(
                () -> token,
                () -> gateway.url(),
                () -> "http://127.0.0.1:" + rest.port() + "/cdn/",
                this::nextId,
                problems::add,
                botUser,
                OWNER_ID);
        rest = new RestApi(routes);
        gateway = new Gateway(this::onGatewayPacket);
        proxy = new ConnectProxy(TlsIdentity.forHost("discord.com", dir), rest.port());
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logCapture.setContext(root.getLoggerContext());
        logCapture.start();
        root.addAppender(logCapture);
    }

    /**
     * How the bot reaches this stand-in: a fresh token (Javacord rate-limits IDENTIFY per token, so
     * a new one never waits) and the proxy with trust-all certificates. Clears Javacord's static
     * gateway cache so the next login asks this stand-in for it.
     */
    public DiscordConnection connection() {
        token = "stand-in-token-" + LOGINS.incrementAndGet();
        DiscordWebSocketAdapter.setGateway(null);
        return new DiscordConnection(
                token, new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.port())), true);
    }

    /** The same bot again (the token of the last {@link #connection()}), for a second shard. */
    public DiscordConnection sameBot() {
        return new DiscordConnection(
                token, new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.port())), true);
    }

    /** Like {@link #connection()}, but with a token this Discord does not know. */
    public DiscordConnection connectionWithWrongToken() {
        DiscordConnection right = connection();
        return new DiscordConnection("not-" + right.token(), right.proxy(), true);
    }

    public void close() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logCapture);
        logCapture.stop();
        for (AutoCloseable c : new AutoCloseable[] {proxy, gateway, rest}) {
            if (c != null) {
                c.close();
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertNoProblems();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    // ---------------------------------------------------------------- what members do

    /** A member posts a message (with attachments served by the CDN); returns the message id. */
    public String post(String channelId, Member author, String content, Upload... uploads) {
        String id = nextId();
        ArrayNode attachments = Payloads.JSON.createArrayNode();
        for (Upload u : uploads) {
            attachments.add(attachment(u));
        }
        dispatchIn(channelId, "MESSAGE_CREATE", memberMessage(id, channelId, author, content, attachments));
        return id;
    }

    /** A MESSAGE_CREATE payload from a member of the channel's server. */
    private ObjectNode memberMessage(
            String id, String channelId, Member author, String content, ArrayNode attachments) {
        ObjectNode message = Payloads.message(
                id,
                channelId,
                guildOf(channelId),
                Payloads.user(author.id(), author.name(), author.bot()),
                content,
                attachments,
                null);
        ObjectNode memberPart = Payloads.member(author, adminRole(guildOf(channelId)));
        memberPart.remove("user");
        message.set("member", memberPart);
        return message;
    }

    /** A member replies to a message (Discord's reply: type 19 with a {@code message_reference}); returns its id. */
    public String replyTo(String channelId, Member author, String repliedMessageId, String content) {
        String id = nextId();
        ObjectNode message = memberMessage(id, channelId, author, content, null);
        message.put("type", 19);
        message.putObject("message_reference")
                .put("message_id", repliedMessageId)
                .put("channel_id", channelId)
                .put("guild_id", guildOf(channelId));
        dispatchIn(channelId, "MESSAGE_CREATE", message);
        return id;
    }

    /** A member reacts to a message with a Unicode emoji (MESSAGE_REACTION_ADD, the reactions intent's event). */
    public void react(String channelId, Member member, String messageId, String emoji) {
        ObjectNode event = Payloads.JSON
                .createObjectNode()
                .put("user_id", member.id())
                .put("channel_id", channelId)
                .put("message_id", messageId)
                .put("guild_id", guildOf(channelId));
        event.set("member", Payloads.member(member, adminRole(guildOf(channelId))));
        event.putObject("emoji").putNull("id").put("name", emoji);
        dispatchIn(channelId, "MESSAGE_REACTION_ADD", event);
    }

    /** A member uses a slash command; returns the interaction token its responses are filed under. */
    public String slash(String channelId, Member user, String command, Option... options) {
        String id = nextId();
        String interactionToken = "interaction-" + id;
        routes.interaction(interactionToken, channelId);
        ObjectNode interaction = Payloads.JSON
                .createObjectNode()
                .put("id", id)
                .put("application_id", APPLICATION_ID)
                .put("type", 2)
                .put("guild_id", guildOf(channelId))
                .put("channel_id", channelId)
                .put("token", interactionToken)
                .put("version", 1)
                .put("locale", "en-US")
                .put("guild_locale", "en-US")
                .put("app_permissions", Payloads.EVERYONE_PERMISSIONS);
        ObjectNode memberPart = Payloads.member(user, adminRole(guildOf(channelId)))
                .put("permissions", user.admin() ? Payloads.ADMINISTRATOR : Payloads.EVERYONE_PERMISSIONS);
        interaction.set("member", memberPart);
        ObjectNode data = interaction
                .putObject("data")
                .put("id", nextId())
                .put("name", command)
                .put("type", 1);
        ArrayNode list = data.putArray("options");
        ObjectNode resolved = Payloads.JSON.createObjectNode();
        for (Option o : options) {
            ObjectNode option = list.addObject().put("name", o.name()).put("type", o.type());
            if (o.upload() != null) {
                ObjectNode attachment = attachment(o.upload());
                option.put("value", attachment.get("id").asText());
                resolved.with("attachments").set(attachment.get("id").asText(), attachment);
            } else {
                option.put("value", o.value());
            }
            if (o.user() != null) {
                resolved.with("users")
                        .set(
                                o.user().id(),
                                Payloads.user(o.user().id(), o.user().name(), false));
            }
        }
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        dispatchIn(channelId, "INTERACTION_CREATE", interaction);
        return interactionToken;
    }

    /** Sends any event as it is, e.g. a malformed one to check that the stand-in notices Javacord dropping it. */
    public void dispatchRaw(String type, String json) {
        try {
            gateway.dispatch(type, Payloads.JSON.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private ObjectNode attachment(Upload u) {
        String id = nextId();
        return Payloads.attachment(
                id, u.fileName(), u.bytes().length, rest.publish(id + "/" + u.fileName(), u.bytes()));
    }

    // ---------------------------------------------------------------- what the bot did

    public List<RecordedRequest> requests() {
        return List.copyOf(rest.recorded());
    }

    /** The IDENTIFY payloads the bot sent, in order. */
    public List<JsonNode> identifies() {
        return List.copyOf(identifies);
    }

    /** The RESUME payloads the bot sent after reconnecting, in order. */
    public List<JsonNode> resumes() {
        return List.copyOf(resumes);
    }

    /** Asks the bot to reconnect (op 7), as Discord does from time to time; it should resume its session. */
    public void requestReconnect() {
        try {
            gateway.sendOp(7);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("gateway session lost: " + e.getMessage(), e);
        }
    }

    /** The WebSocket upgrade request lines the gateway received. */
    public List<String> gatewayRequests() {
        return List.copyOf(gateway.requestLines());
    }

    /** What the bot posted in a channel (not interaction responses), oldest first. */
    public List<BotMessage> messagesIn(String channelId) {
        return routes.messages().stream()
                .filter(m -> m.channelId().equals(channelId) && m.interactionToken() == null)
                .toList();
    }

    /** The responses to one interaction: the original response first, then follow-ups. */
    public List<BotMessage> responsesTo(String interactionToken) {
        return routes.messages().stream()
                .filter(m -> interactionToken.equals(m.interactionToken()))
                .toList();
    }

    /** Log lines (WARN and above, from anywhere) containing the text. */
    public long logged(String text) {
        return logged.stream()
                .filter(e -> e.getFormattedMessage().contains(text))
                .count();
    }

    /** Polls until {@code probe} gives non-null or the time is up (then fails, saying what it waited for). */
    public <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + "; requests so far: " + rest.recorded() + "; problems: " + problems);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    /** What went wrong so far (as {@link #assertNoProblems()} would report it), then forgets it. */
    public List<String> takeProblems() {
        List<String> found = new ArrayList<>(problems);
        problems.clear();
        return found;
    }

    /** Fails on anything that went wrong out of a test's sight, then forgets it. */
    public void assertNoProblems() {
        List<String> found = new ArrayList<>(problems);
        proxy.refused().forEach(r -> found.add("a connection tried to leave the machine: " + r));
        problems.clear();
        proxy.refused().clear();
        if (!found.isEmpty()) {
            throw new AssertionError("the Discord stand-in saw problems:\n  " + String.join("\n  ", found));
        }
    }

    // ---------------------------------------------------------------- the stand-in's side

    private void onGatewayPacket(java.net.Socket connection, JsonNode packet) {
        int op = packet.path("op").asInt();
        if (op == 2) {
            identifies.add(packet.get("d"));
            if (!packet.get("d").path("token").asText().equals("Bot " + token)) {
                problems.add("IDENTIFY with the wrong token");
                try {
                    gateway.close(connection, 4004); // as Discord: authentication failed
                } catch (java.io.IOException e) {
                    problems.add("could not close the gateway session: " + e.getMessage());
                }
                return;
            }
            JsonNode shardField = packet.get("d").get("shard");
            int shard = shardField == null ? 0 : shardField.get(0).asInt();
            int of = shardField == null ? 1 : shardField.get(1).asInt();
            if (of != shards || shard < 0 || shard >= shards) {
                problems.add(
                        "IDENTIFY as shard " + shard + " of " + of + "; this Discord expects " + shards + " shard(s)");
                return;
            }
            gateway.admit(shard, connection);
            List<String> mine =
                    guilds().stream().filter(g -> shardOf(g) == shard).toList();
            gateway.dispatch(shard, "READY", Payloads.ready(sessionId() + "-" + shard, botUser, mine, APPLICATION_ID));
            List<Member> everyone = new ArrayList<>(List.of(botUser, owner, admin, member));
            everyone.addAll(fans);
            for (String guild : mine) {
                gateway.dispatch(
                        shard,
                        "GUILD_CREATE",
                        Payloads.guild(
                                guild,
                                OWNER_ID,
                                adminRole(guild),
                                guild.equals(GUILD_ID) ? channels : secondChannels,
                                everyone));
            }
        } else if (op == 6) {
            JsonNode resume = packet.get("d");
            String session = resume.path("session_id").asText();
            if (!resume.path("token").asText().equals("Bot " + token) || !session.startsWith(sessionId() + "-")) {
                problems.add("RESUME with the wrong token or session: " + resume);
                return;
            }
            int shard = Integer.parseInt(session.substring(session.lastIndexOf('-') + 1));
            gateway.admit(shard, connection);
            gateway.dispatch(shard, "RESUMED", Payloads.JSON.createObjectNode());
            resumes.add(resume); // after RESUMED: from now on events reach the new connection
        } else if (op != 1) {
            problems.add("unexpected gateway packet: " + packet);
        }
    }

    private String sessionId() {
        return "stand-in-session-" + token;
    }

    private String nextId() {
        return String.valueOf(ids.incrementAndGet());
    }

    /** Keeps WARN+ lines; Javacord's warnings and anyone's errors are problems. */
    private final class LogCapture extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
                return;
            }
            boolean expected = event.getFormattedMessage().startsWith(TRUST_ALL_WARNING); // what the seam asks for
            if (!expected && event.getLoggerName().startsWith("org.javacord")
                    || event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                problems.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null
                                ? ""
                                : " (" + event.getThrowableProxy().getClassName() + ": "
                                        + event.getThrowableProxy().getMessage() + ")"));
            }
            logged.add(event); // after the problem: a test that waits for the line then finds the problem too
        }
    }
}
