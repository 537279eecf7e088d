package umimegu.recognition;

/** Who asked and where: the front end ({@code cli}, {@code console}, {@code discord}) and ids where known. */
public record Origin(String source, String guildId, String channelId, String userId) {
    public static Origin cli() {
        return new Origin("cli", null, null, null);
    }
}
