package umimegu.history;

import java.time.Instant;

/**
 * Filters for {@code stats}; a null field does not filter. {@code last} is how many recent records
 * to list; {@code label} keeps the answers that said that label.
 */
public record StatsQuery(
        Instant from, Instant to, String userId, String channelId, String modelId, int last, String label) {
    public StatsQuery(Instant from, Instant to, String userId, String channelId, String modelId, int last) {
        this(from, to, userId, channelId, modelId, last, null);
    }

    public static StatsQuery all() {
        return new StatsQuery(null, null, null, null, null, 10);
    }
}
