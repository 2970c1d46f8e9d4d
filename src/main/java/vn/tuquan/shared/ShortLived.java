package vn.tuquan.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Answers kept for a few seconds, so that a client sending many requests does not make every one of
 * them read its account, permissions, scopes and units again. A change made on this node clears the
 * answers at once ({@link #clear()}); one made on another node (or by {@code ./tuquan user}) is seen
 * after at most the time to live. A time to live of zero keeps nothing.
 */
public final class ShortLived<K, V> {

    private record Entry<V>(V value, long expiresAt) {}

    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public ShortLived(long ttlMillis, int maxEntries) {
        this.ttlNanos = ttlMillis * 1_000_000L;
        this.maxEntries = maxEntries;
    }

    /** The value kept for the key, or the loader's (kept when {@code keep} accepts it). */
    public V get(K key, Function<K, V> loader, Predicate<V> keep) {
        if (ttlNanos <= 0) {
            return loader.apply(key);
        }
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.expiresAt() - now > 0) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (keep.test(value)) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now + ttlNanos));
        } else {
            entries.remove(key);
        }
        return value;
    }

    public void clear() {
        entries.clear();
    }
}
