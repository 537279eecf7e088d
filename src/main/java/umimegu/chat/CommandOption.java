package umimegu.chat;

/** One named option of a chat command, typed so that a platform can offer it (Discord's slash options). */
public record CommandOption(String name, String description, Type type, boolean required) {
    public enum Type {
        STRING,
        USER,
        ATTACHMENT
    }
}
