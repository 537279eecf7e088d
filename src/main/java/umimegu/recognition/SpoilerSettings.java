package umimegu.recognition;

/**
 * When an annotated copy is posted as a spoiler: in a channel not marked NSFW, a picture whose
 * explicitness is at or above {@code above} (infinite: never). {@code nsfwOffDiscord} says whether
 * the console and the web page count as NSFW channels (then they never blur).
 */
public record SpoilerSettings(double above, boolean nsfwOffDiscord) {
    public static final SpoilerSettings NEVER = new SpoilerSettings(Double.POSITIVE_INFINITY, false);

    public SpoilerSettings {
        if (Double.isNaN(above) || above < 0 || (above > 1 && above != Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "answer.nsfw-spoiler-above must be between 0 and 1, or off, got " + above);
        }
    }

    public boolean enabled() {
        return above != Double.POSITIVE_INFINITY;
    }
}
