package umimegu.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Marker;

/**
 * Libraries that retry (Javacord reconnecting to a Discord it cannot reach) log the same warning,
 * with its stack trace, every few seconds: a bot without network printed ~180 lines before its
 * one clear error. This filter lets a library's warning through once, and the same warning again
 * only after {@code quietMillis}; our own loggers are never filtered. Configured in
 * {@code logback.xml}.
 */
public final class RepeatedLibraryWarnings extends TurboFilter {
    private String prefix = "org.javacord";
    private long quietMillis = 300_000;
    private final Map<String, AtomicLong> lastPassed = new ConcurrentHashMap<>();

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public void setQuietMillis(long quietMillis) {
        this.quietMillis = quietMillis;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null
                || !level.isGreaterOrEqual(Level.WARN)
                || !logger.getName().startsWith(prefix)) {
            return FilterReply.NEUTRAL;
        }
        long now = System.currentTimeMillis();
        AtomicLong last =
                lastPassed.computeIfAbsent(logger.getName() + '\u0000' + format, k -> new AtomicLong(Long.MIN_VALUE));
        long previous = last.get();
        if (previous != Long.MIN_VALUE && now - previous < quietMillis) {
            return FilterReply.DENY;
        }
        return last.compareAndSet(previous, now) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
