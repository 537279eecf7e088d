package umimegu.chat;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** At most {@code perMinute} actions per user in any sliding minute (0: unlimited). */
public final class RateLimiter {
    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new HashMap<>();

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    synchronized boolean tryAcquire(String user) {
        if (perMinute == 0) {
            return true;
        }
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(user == null ? "" : user, u -> new ArrayDeque<>());
        while (!times.isEmpty() && now - times.peekFirst() >= 60_000) {
            times.pollFirst();
        }
        if (times.size() >= perMinute) {
            return false;
        }
        times.addLast(now);
        return true;
    }
}
