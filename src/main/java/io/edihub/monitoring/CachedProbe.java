package io.edihub.monitoring;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * A health check of a remote server whose answer is reused for a while and never waited for longer than the
 * timeout: a server that hangs makes the probe say DOWN in time instead of making Kubernetes' probe time out.
 * At most one check of a server runs at a time; probes arriving meanwhile wait for that one.
 */
final class CachedProbe implements HealthIndicator {

    private final String what;
    private final Supplier<Health> check;
    private final Duration cacheFor;
    private final Duration timeout;
    private final Executor executor;

    private Health last;
    private long checkedAt;
    private FutureTask<Health> running;

    /**
     * @param what  the server in words, for the DOWN reason ("SFTP server 127.0.0.1:2222")
     * @param check connects and answers; it should have its own timeouts, so that it ends eventually
     */
    CachedProbe(String what, Supplier<Health> check, Duration cacheFor, Duration timeout, Executor executor) {
        this.what = what;
        this.check = check;
        this.cacheFor = cacheFor;
        this.timeout = timeout;
        this.executor = executor;
    }

    @Override
    public Health health() {
        FutureTask<Health> answer;
        synchronized (this) {
            if (last != null && System.nanoTime() - checkedAt < cacheFor.toNanos()) {
                return last;
            }
            if (running == null) {
                running = new FutureTask<>(this::checkAndRemember);
                executor.execute(running);
            }
            answer = running;
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", what + " did not answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("error", "interrupted while waiting for " + what).build();
        }
    }

    private Health checkAndRemember() {
        Health health;
        try {
            health = check.get();
        } catch (RuntimeException e) {
            health = Health.down(e).build();
        }
        synchronized (this) {
            last = health;
            checkedAt = System.nanoTime();
            running = null;
        }
        return health;
    }
}
