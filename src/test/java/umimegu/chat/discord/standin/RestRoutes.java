package umimegu.chat.discord.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import umimegu.chat.discord.standin.RestApi.Response;

/**
 * The REST routes the bot uses, answered as Discord would, keeping what the bot posted (with
 * every edit). Requests need the bot's token, except the gateway URL and the interaction and
 * webhook routes (their token is in the URL).
 */
final class RestRoutes implements Function<RecordedRequest, Response> {
    private static final String APP = DiscordStandIn.APPLICATION_ID;
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("/channels/(\\d+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("/channels/(\\d+)/messages/(\\d+)");
    private static final Pattern WEBHOOK = Pattern.compile("/webhooks/" + APP + "/([^/]+)(/messages/([^/]+))?");

    private final Supplier<String> token;
    private final Supplier<String> gatewayUrl;
    private final Supplier<String> cdnBase;
    private final Supplier<String> ids;
    private final Consumer<String> problems;
    private final DiscordStandIn.Member botUser;
    private final String ownerId;
    private final Map<String, BotMessage> byId = new ConcurrentHashMap<>();
    private final List<BotMessage> inOrder = new CopyOnWriteArrayList<>();
    private final Map<String, String> interactionChannels = new ConcurrentHashMap<>();

    RestRoutes(
            Supplier<String> token,
            Supplier<String> gatewayUrl,
            Supplier<String> cdnBase,
            Supplier<String> ids,
            Consumer<String> problems,
            DiscordStandIn.Member botUser,
            String ownerId) {
        this.token = token;
        this.gatewayUrl = gatewayUrl;
        this.cdnBase = cdnBase;
        this.ids = ids;
        this.problems = problems;
        this.botUser = botUser;
        this.ownerId = ownerId;
    }

    /** Responses to this interaction belong to this channel. */
    void interaction(String interactionToken, String channelId) {
        interactionChannels.put(interactionToken, channelId);
    }

    /** Everything the bot posted, oldest first. */
    List<BotMessage> messages() {
        return List.copyOf(inOrder);
    }

    @Override
    public Response apply(RecordedRequest r) {
        boolean tokenInUrl = r.path().startsWith("/interactions/") || r.path().startsWith("/webhooks/");
        if (!r.path().equals("/gateway") && !tokenInUrl && !("Bot " + token.get()).equals(r.authorization())) {
            problems.accept("request without the bot's token: " + r.method() + " " + r.path());
            return new Response(401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
        }
        Matcher m;
        if (r.is("GET", "/gateway")) {
            return json(Payloads.JSON.createObjectNode().put("url", gatewayUrl.get()));
        } else if (r.is("GET", "/oauth2/applications/@me")) {
            ObjectNode app = Payloads.JSON
                    .createObjectNode()
                    .put("id", APP)
                    .put("name", botUser.name())
                    .put("description", "")
                    .put("bot_public", true)
                    .put("bot_require_code_grant", false)
                    .put("flags", 0);
            app.putNull("icon");
            app.set("owner", Payloads.user(ownerId, "owner", false));
            return json(app);
        } else if (r.is("PUT", "/applications/" + APP + "(/guilds/\\d+)?/commands")) {
            ArrayNode commands = (ArrayNode) r.json().deepCopy();
            commands.forEach(c -> ((ObjectNode) c)
                    .put("id", ids.get())
                    .put("application_id", APP)
                    .put("version", ids.get())
                    .put("type", 1)
                    .put("default_permission", true));
            return json(commands);
        } else if (r.is("POST", "/channels/\\d+/typing") || r.is("POST", "/interactions/\\d+/[^/]+/callback")) {
            return Response.noContent();
        } else if ((m = CHANNEL_MESSAGES.matcher(r.path())).matches()
                && r.method().equals("POST")) {
            return json(store(new BotMessage(ids.get(), m.group(1), null), r));
        } else if ((m = CHANNEL_MESSAGE.matcher(r.path())).matches()
                && r.method().equals("PATCH")) {
            return edit(m.group(2), r);
        } else if ((m = WEBHOOK.matcher(r.path())).matches()) {
            Response response = webhook(m.group(1), m.group(3), r);
            if (response != null) {
                return response;
            }
        }
        problems.accept("the stand-in has no route for " + r.method() + " " + r.path());
        return new Response(404, "{\"message\":\"404: Not Found\",\"code\":0}");
    }

    /** Interaction responses: follow-ups (POST), the original response and edits (PATCH). */
    private Response webhook(String interactionToken, String messageId, RecordedRequest r) {
        String channelId = interactionChannels.get(interactionToken);
        if (channelId == null) {
            problems.accept("a response to an unknown interaction " + interactionToken);
            return new Response(404, "{\"message\":\"Unknown Webhook\",\"code\":10015}");
        }
        if (r.method().equals("POST") && messageId == null) {
            return json(store(new BotMessage(ids.get(), channelId, interactionToken), r));
        }
        if (r.method().equals("PATCH") && "@original".equals(messageId)) {
            BotMessage original = byId.get("original:" + interactionToken);
            if (original == null) {
                original = new BotMessage(ids.get(), channelId, interactionToken);
                byId.put("original:" + interactionToken, original);
                return json(store(original, r));
            }
            return edit(original.id(), r);
        }
        return r.method().equals("PATCH") && messageId != null ? edit(messageId, r) : null;
    }

    private ObjectNode store(BotMessage message, RecordedRequest r) {
        message.versions.add(r.content());
        message.files.addAll(r.files());
        byId.put(message.id(), message);
        inOrder.add(message);
        return toJson(message);
    }

    private Response edit(String messageId, RecordedRequest r) {
        BotMessage message = byId.get(messageId);
        if (message == null) {
            problems.accept("edit of an unknown message " + messageId);
            return new Response(404, "{\"message\":\"Unknown Message\",\"code\":10008}");
        }
        JsonNode json = r.json();
        if (json.has("content")) {
            message.versions.add(json.get("content").asText());
        }
        message.files.addAll(r.files());
        return json(toJson(message));
    }

    private ObjectNode toJson(BotMessage message) {
        ArrayNode attachments = Payloads.JSON.createArrayNode();
        for (RecordedRequest.Part f : message.files) {
            attachments.add(Payloads.attachment(
                    ids.get(), f.fileName(), f.bytes().length, cdnBase.get() + "bot/" + f.fileName()));
        }
        return Payloads.message(
                message.id(),
                message.channelId(),
                null,
                Payloads.user(botUser.id(), botUser.name(), true),
                message.content(),
                attachments,
                message.interactionToken() == null ? null : APP);
    }

    private static Response json(JsonNode body) {
        return new Response(200, body.toString());
    }
}
