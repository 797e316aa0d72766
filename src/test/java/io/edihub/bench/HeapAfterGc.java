package io.edihub.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap ever in use right after a garbage collection, in this JVM: what the program kept (and the garbage a
 * young collection had not reached yet), unlike the pools' peak usage, which counts garbage not yet collected. Listens
 * to the collectors' notifications; {@link #start} once, early.
 */
final class HeapAfterGc {

    private static final AtomicLong MAX = new AtomicLong();
    private static final AtomicLong COLLECTIONS = new AtomicLong();
    private static volatile boolean started;

    private HeapAfterGc() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) {
                        used += pool.getValue().getUsed();
                    }
                }
                COLLECTIONS.incrementAndGet();
                MAX.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        started = true;
    }

    /** Starts a new high-water mark, and gives the one until now. */
    static long restart() {
        COLLECTIONS.set(0);
        return MAX.getAndSet(0);
    }

    /** The highest heap use seen right after a collection, in bytes. */
    static long max() {
        return MAX.get();
    }

    /** How many collections were seen. */
    static long collections() {
        return COLLECTIONS.get();
    }
}
