package umimegu.history;

import java.util.Optional;

/**
 * Locks that every process sharing the history database sees (several bot shards): at most one
 * holder of a name at a time, cluster-wide. A holder that dies loses its lock.
 */
public interface SharedLocks {

    /** The lock, held until the returned handle is closed; empty when someone holds it. */
    Optional<Held> tryLock(String name);

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
