package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.local.LocalPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Outbound control numbers on a real PostgreSQL: unique under concurrency, counted per partner and kind. */
class JdbcControlNumbersTest {

    @TempDir
    static Path dataDir;
    static LocalPostgres postgres;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        postgres = LocalPostgres.start(dataDir.resolve("postgres"), 0);
        DriverManagerDataSource ds = new DriverManagerDataSource(postgres.jdbcUrl(), LocalPostgres.USER, "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void concurrentWritersNeverGetTheSameNumber() throws Exception {
        ControlNumbers numbers = new JdbcControlNumbers(jdbc);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    assertThat(seen.add(numbers.next("acme", ControlNumbers.Kind.INTERCHANGE))).isTrue();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(seen).hasSize(400);
        assertThat(seen.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(400);
    }

    @Test
    void partnersAndKindsCountSeparately() {
        ControlNumbers numbers = new JdbcControlNumbers(jdbc);
        long first = numbers.next("globex", ControlNumbers.Kind.GROUP);
        assertThat(numbers.next("globex", ControlNumbers.Kind.GROUP)).isEqualTo(first + 1);
        assertThat(numbers.next("initech", ControlNumbers.Kind.GROUP)).isEqualTo(1);
    }

    @Test
    void aReservedBlockIsConsecutiveAndFollowsTheNumbersDrawnOneByOne() {
        ControlNumbers numbers = new JdbcControlNumbers(jdbc);
        assertThat(numbers.reserve("hooli", ControlNumbers.Kind.INTERCHANGE, 3)).isEqualTo(1);
        assertThat(numbers.next("hooli", ControlNumbers.Kind.INTERCHANGE)).isEqualTo(4);
        assertThat(numbers.reserve("hooli", ControlNumbers.Kind.INTERCHANGE, 200)).isEqualTo(5);
        assertThat(numbers.next("hooli", ControlNumbers.Kind.INTERCHANGE)).isEqualTo(205);
    }

    @Test
    void aBlockHandsOutItsNumbersInOrderToItsPartnerOnlyAndSaysWhenUsedUp() {
        ControlNumbers numbers = new JdbcControlNumbers(jdbc);
        numbers.next("umbrella", ControlNumbers.Kind.GROUP);
        ControlNumbers.Block block = new ControlNumbers.Block(numbers, "umbrella", 2);
        assertThat(block.next("umbrella", ControlNumbers.Kind.INTERCHANGE)).isEqualTo(1);
        assertThat(block.next("umbrella", ControlNumbers.Kind.GROUP)).isEqualTo(2);
        assertThat(block.usedUp()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> block.next("acme", ControlNumbers.Kind.GROUP))
                .isInstanceOf(IllegalStateException.class);
        assertThat(block.next("umbrella", ControlNumbers.Kind.INTERCHANGE)).isEqualTo(2);
        assertThat(block.next("umbrella", ControlNumbers.Kind.GROUP)).isEqualTo(3);
        assertThat(block.usedUp()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> block.next("umbrella", ControlNumbers.Kind.GROUP))
                .isInstanceOf(IllegalStateException.class);
        assertThat(numbers.next("umbrella", ControlNumbers.Kind.GROUP)).isEqualTo(4);
    }
}
