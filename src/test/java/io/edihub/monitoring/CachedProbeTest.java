package io.edihub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class CachedProbeTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aServerThatHangsIsDownAfterTheTimeoutAndIsAskedOnceMeanwhile() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        CachedProbe probe = new CachedProbe("the test server", () -> {
            asked.incrementAndGet();
            try {
                answer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.up().build();
        }, Duration.ofMinutes(1), Duration.ofMillis(100), executor);

        Health hanging = probe.health();
        assertThat(hanging.getStatus()).isEqualTo(Status.DOWN);
        assertThat(hanging.getDetails()).containsEntry("error", "the test server did not answer within 100 ms");
        assertThat(probe.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(asked).hasValue(1);

        answer.countDown();
        // the answer arrives on the probe's own thread: a busy machine may take longer than the timeout
        await().atMost(Duration.ofSeconds(30)).until(() -> probe.health().getStatus().equals(Status.UP));
        // reused while fresh
        assertThat(probe.health().getStatus()).isEqualTo(Status.UP);
        assertThat(asked).hasValue(1);
    }

    @Test
    void aFailingCheckIsDownWithItsReasonAndAskedAgainOnceStale() {
        AtomicInteger asked = new AtomicInteger();
        CachedProbe probe = new CachedProbe("the test server", () -> {
            asked.incrementAndGet();
            throw new IllegalStateException("no route to host");
        }, Duration.ZERO, Duration.ofSeconds(5), executor);

        Health health = probe.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("error").toString()).contains("no route to host");
        probe.health();
        assertThat(asked).hasValue(2);
    }
}
