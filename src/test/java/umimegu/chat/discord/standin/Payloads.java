package umimegu.chat.discord.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON Discord sends, trimmed to what Javacord 3.8 reads (see the README's testing section). */
final class Payloads {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EVERYONE_PERMISSIONS = "1071698660929"; // view, send, attach, read history, …
    static final String ADMINISTRATOR = "8";
    private static final String JOINED = "2026-01-01T00:00:00.000000+00:00";

    private Payloads() {}

    static ObjectNode user(String id, String name, boolean bot) {
        ObjectNode user = JSON.createObjectNode()
                .put("id", id)
                .put("username", name)
                .put("discriminator", "0001")
                .put("bot", bot);
        user.putNull("avatar");
        return user;
    }

    static ObjectNode member(DiscordStandIn.Member m, String adminRoleId) {
        ObjectNode member = JSON.createObjectNode();
        member.set("user", user(m.id(), m.name(), m.bot()));
        ArrayNode roles = member.putArray("roles");
        if (m.admin()) {
            roles.add(adminRoleId);
        }
        return member.put("joined_at", JOINED).put("deaf", false).put("mute", false);
    }

    static ObjectNode role(String id, String name, int position, String permissions) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("name", name)
                .put("position", position)
                .put("color", 0)
                .put("hoist", false)
                .put("mentionable", false)
                .put("permissions", permissions)
                .put("managed", false);
    }

    static ObjectNode ready(String sessionId, DiscordStandIn.Member bot, List<String> guildIds, String applicationId) {
        ObjectNode ready = JSON.createObjectNode().put("v", 10).put("session_id", sessionId);
        ready.set("user", user(bot.id(), bot.name(), true));
        ArrayNode guilds = ready.putArray("guilds");
        guildIds.forEach(id -> guilds.addObject().put("id", id).put("unavailable", true));
        ready.putObject("application").put("id", applicationId).put("flags", 0);
        return ready;
    }

    static ObjectNode guild(
            String id,
            String ownerId,
            String adminRoleId,
            List<String> channelIds,
            List<DiscordStandIn.Member> members) {
        ObjectNode guild = JSON.createObjectNode()
                .put("id", id)
                .put("name", "Stand-in server")
                .put("region", "")
                .put("large", false)
                .put("member_count", members.size())
                .put("owner_id", ownerId)
                .put("verification_level", 0)
                .put("explicit_content_filter", 0)
                .put("default_message_notifications", 0)
                .put("mfa_level", 0)
                .put("premium_tier", 0)
                .put("nsfw_level", 0)
                .put("preferred_locale", "en-US")
                .put("unavailable", false);
        guild.putNull("icon");
        guild.putArray("features");
        guild.putArray("emojis");
        ArrayNode roles = guild.putArray("roles");
        roles.add(role(id, "@everyone", 0, EVERYONE_PERMISSIONS));
        roles.add(role(adminRoleId, "Admin", 1, ADMINISTRATOR));
        ArrayNode channels = guild.putArray("channels");
        for (int i = 0; i < channelIds.size(); i++) {
            channels.addObject()
                    .put("id", channelIds.get(i))
                    .put("name", "channel-" + i)
                    .put("type", 0)
                    .put("position", i)
                    .put("nsfw", i == channelIds.size() - 1) // the last channel is marked NSFW
                    .putArray("permission_overwrites");
        }
        ArrayNode list = guild.putArray("members");
        members.forEach(m -> list.add(member(m, adminRoleId)));
        return guild;
    }

    static ObjectNode attachment(String id, String fileName, long size, String url) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("filename", fileName)
                .put("size", size)
                .put("url", url)
                .put("proxy_url", url);
    }

    /** A message as MESSAGE_CREATE carries it, or as a REST call returns it. */
    static ObjectNode message(
            String id,
            String channelId,
            String guildId,
            ObjectNode author,
            String content,
            ArrayNode attachments,
            String webhookId) {
        ObjectNode m = JSON.createObjectNode()
                .put("id", id)
                .put("type", 0)
                .put("channel_id", channelId)
                .put("content", content)
                .put("timestamp", "2026-11-29T12:00:00.000000+00:00")
                .put("tts", false)
                .put("mention_everyone", false)
                .put("pinned", false);
        if (guildId != null) {
            m.put("guild_id", guildId);
        }
        if (webhookId != null) {
            m.put("webhook_id", webhookId);
        }
        m.set("author", author);
        m.putNull("edited_timestamp");
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("embeds");
        m.set("attachments", attachments == null ? JSON.createArrayNode() : attachments);
        return m;
    }
}
