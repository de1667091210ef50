package sms.certificates.recall.serde;

import java.util.Map;
import java.util.function.Supplier;

/** The lookup every cache of the serde uses. */
final class Caches {

    private Caches() {
    }

    /**
     * The cached value, or the fetched one, stored. Not {@code computeIfAbsent}: a registry call must not hold a map
     * lock; a rare duplicate fetch is harmless, and every caller gets the value that was stored first.
     */
    static <K, V> V getOrFetch(Map<K, V> cache, K key, Supplier<V> fetch) {
        V value = cache.get(key);
        if (value != null) {
            return value;
        }
        V fetched = fetch.get();
        V raced = cache.putIfAbsent(key, fetched);
        return raced != null ? raced : fetched;
    }
}
