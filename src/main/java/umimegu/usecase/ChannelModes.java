package umimegu.usecase;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import umimegu.history.HistoryException;
import umimegu.teaching.ChannelMode;

/**
 * Where the bot answers pictures. Modes are stored in the history database and cached; a channel
 * nobody set answers every picture, and so does every channel when the database is unavailable.
 */
public final class ChannelModes {
    private static final Logger log = LoggerFactory.getLogger(ChannelModes.class);

    private final HistorySession history;
    private final Clock clock;
    private final Map<String, ChannelMode> cache = new ConcurrentHashMap<>();

    public ChannelModes(HistorySession history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    public ChannelMode of(String channelId) {
        if (channelId == null || history.feedback().isEmpty()) {
            return ChannelMode.ON;
        }
        return cache.computeIfAbsent(channelId, id -> {
            try {
                return history.feedback().get().channelMode(id).orElse(ChannelMode.ON);
            } catch (HistoryException e) {
                log.warn("Cannot read the mode of channel {}: {}", id, e.getMessage());
                return ChannelMode.ON;
            }
        });
    }

    /** Stores the mode; throws IllegalStateException when the history database is unavailable. */
    public void set(String channelId, ChannelMode mode, String userId) {
        var store = history.feedback().orElseThrow(() -> new IllegalStateException(
                "channel modes are kept in the history database, which is unavailable (" + history.unavailableReason() + ")"));
        store.setChannelMode(channelId, mode, userId, clock.instant());
        cache.put(channelId, mode);
    }
}
