package umimegu.teaching;

import java.time.Instant;
import java.util.Optional;

/** Where each channel's mode is kept. Throws {@link umimegu.history.HistoryException} when the database fails. */
public interface ChannelModeStore {
    Optional<ChannelMode> channelMode(String channelId);

    void setChannelMode(String channelId, ChannelMode mode, String setBy, Instant at);
}
