package io.edihub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The heap's high-water mark as one moment's use: the heap in use, sampled every 20 ms by a daemon thread, at its
 * highest. The heap pools' peaks summed ({@link ParseBenchmark#peakHeapUsed()}) are an upper bound only, each pool
 * peaking at its own moment; that sum can exceed the maximum heap.
 */
final class HeapSampler {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static volatile long highest;

    static {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> highest = Math.max(highest, MEMORY.getHeapMemoryUsage().getUsed()), 0, 20,
                TimeUnit.MILLISECONDS);
    }

    private HeapSampler() {
    }

    /** Starts again from the heap in use now. */
    static void reset() {
        highest = MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** The highest heap in use sampled since the start or the last {@link #reset()}, in bytes. */
    static long highest() {
        return Math.max(highest, MEMORY.getHeapMemoryUsage().getUsed());
    }
}
