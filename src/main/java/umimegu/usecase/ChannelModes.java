package umimegu.usecase;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import umimegu.history.HistoryException;
import umimegu.teaching.ChannelMode;

/**
 * Where the bot answers pictures. Modes are stored in the history database and cached for
 * {@link #FRESH_FOR} (another process, a shard, may change them); a channel nobody set answers
 * every picture, and so does every channel when the database is unavailable.
 */
public final class ChannelModes {
    private static final Logger log = LoggerFactory.getLogger(ChannelModes.class);

    private final HistorySession history;
    private final Clock clock;
    static final java.time.Duration FRESH_FOR = java.time.Duration.ofSeconds(30);
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(ChannelMode mode, java.time.Instant readAt) {}

    public ChannelModes(HistorySession history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    public ChannelMode of(String channelId) {
        if (channelId == null || history.channelModes().isEmpty()) {
            return ChannelMode.ON;
        }
        java.time.Instant now = clock.instant();
        Cached cached = cache.get(channelId);
        if (cached != null && cached.readAt().plus(FRESH_FOR).isAfter(now)) {
            return cached.mode();
        }
        ChannelMode mode;
        try {
            mode = history.channelModes().get().channelMode(channelId).orElse(ChannelMode.ON);
        } catch (HistoryException e) {
            log.warn("Cannot read the mode of channel {}: {}", channelId, e.getMessage());
            return cached != null ? cached.mode() : ChannelMode.ON;
        }
        cache.put(channelId, new Cached(mode, now));
        return mode;
    }

    /** Stores the mode; throws IllegalStateException when the history database is unavailable. */
    public void set(String channelId, ChannelMode mode, String userId) {
        var store = history.channelModes()
                .orElseThrow(() -> new IllegalStateException(
                        "channel modes are kept in the history database, which is unavailable ("
                                + history.unavailableReason() + ")"));
        store.setChannelMode(channelId, mode, userId, clock.instant());
        cache.put(channelId, new Cached(mode, clock.instant()));
    }
}
