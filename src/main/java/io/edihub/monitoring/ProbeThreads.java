package io.edihub.monitoring;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;

/**
 * The threads probes talk to remote servers on, so that a server that hangs never holds the HTTP thread of a
 * probe. Not an {@link Executor} bean itself: one would make Spring Boot drop its own application task
 * executor, which platform-http needs.
 */
final class ProbeThreads implements DisposableBean {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "health-probe-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    Executor executor() {
        return pool;
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
