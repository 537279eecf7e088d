package umimegu.chat.discord;

import java.net.Proxy;

/**
 * How to reach Discord: the token (from the environment only), and optionally a proxy with
 * trust-all certificates — the one seam a Discord stand-in for tests plugs into.
 */
public record DiscordConnection(String token, Proxy proxy, boolean trustAllCertificates) {
    public static final String TOKEN_ENV = "DISCORD_TOKEN";

    public DiscordConnection {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(TOKEN_ENV + " is not set: create a bot in the Discord Developer Portal "
                    + "and export its token as " + TOKEN_ENV + " (see README, 'Run the bot')");
        }
    }

    public static DiscordConnection fromEnvironment() {
        return new DiscordConnection(System.getenv(TOKEN_ENV), null, false);
    }

    @Override
    public String toString() {
        return "DiscordConnection[token=***, proxy=" + proxy + ", trustAll=" + trustAllCertificates + "]";
    }
}
