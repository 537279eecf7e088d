package umimegu.chat.discord;

/** The bot could not log in to Discord (unreachable, refused token, no answer in time). */
public final class DiscordLoginException extends RuntimeException {
    public DiscordLoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
