package io.edihub.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Meters whose values are read from the database, not counted in memory: every replica reports the same
 * figures, and a restart loses none. The query runs at most once per {@code cacheFor}, on the scrape that
 * finds the figures old; a meter for a key first seen in the database (a new partner, a new topic) is
 * registered then. When the database cannot be read, the last figures are kept and the log says why.
 *
 * @param <S> the figures one refresh reads
 * @param <K> what one set of meters is for (a partner and format, a topic)
 */
abstract class CountsFromDatabase<S, K> implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(CountsFromDatabase.class);

    private final Duration cacheFor;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Set<K> registered = ConcurrentHashMap.newKeySet();

    private S figures;
    private long readAt;
    private boolean failing;

    CountsFromDatabase(Duration cacheFor) {
        this.cacheFor = cacheFor;
    }

    /** Reads the figures: one query per metric family. */
    abstract S read();

    /** The keys meters exist for from the start (the partners on file), so that a rate over them starts at zero. */
    abstract Collection<K> knownKeys();

    /** The keys the figures hold. */
    abstract Collection<K> keysIn(S figures);

    /** Registers the meters of one key on a registry. */
    abstract void register(K key, MeterRegistry registry);

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        registered.forEach(key -> register(key, registry));
        knownKeys().forEach(this::ensure);
    }

    /** The current figures, read again if older than {@code cacheFor}; null if never read. */
    final S figures() {
        S found = null;
        synchronized (this) {
            if (figures == null || System.nanoTime() - readAt >= cacheFor.toNanos()) {
                try {
                    figures = read();
                    found = figures;
                    if (failing) {
                        LOG.info("{}: the database answers again", getClass().getSimpleName());
                        failing = false;
                    }
                } catch (DataAccessException e) {
                    if (!failing) {
                        LOG.warn("{}: cannot read the figures, keeping the last ones: {}", getClass().getSimpleName(),
                                e.getMessage());
                        failing = true;
                    }
                }
                // failed or not, the next try waits: a database that is down is not asked on every scrape
                readAt = System.nanoTime();
            }
        }
        if (found != null) {
            keysIn(found).forEach(this::ensure);
        }
        return figures;
    }

    private void ensure(K key) {
        if (registered.add(key)) {
            registries.forEach(registry -> register(key, registry));
        }
    }
}
