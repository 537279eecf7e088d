package umimegu.history;

import java.time.Instant;

/** Filters for {@code stats}; a null field does not filter. {@code last} is how many recent records to list. */
public record StatsQuery(Instant from, Instant to, String userId, String channelId, String modelId, int last) {
    public static StatsQuery all() {
        return new StatsQuery(null, null, null, null, null, 10);
    }
}
