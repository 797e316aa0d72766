package io.edihub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edihub.local.LocalPostgres;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * How replicas share the work, on a real PostgreSQL with the hub's schema: file claims (one replica per file, a
 * dead replica's claim taken over by exactly one other) and the leadership of a singleton route (one leader, and
 * another as soon as it goes).
 */
class ReplicaCoordinationTest {

    private static final String FILE = "/acme/inbound/po-4500012345.x12";

    @TempDir
    static Path dataDir;
    static LocalPostgres postgres;
    static DriverManagerDataSource dataSource;
    static JdbcTemplate jdbc;

    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeAll
    static void database() {
        postgres = LocalPostgres.start(dataDir.resolve("postgres"), 0);
        dataSource = new DriverManagerDataSource(postgres.jdbcUrl(), LocalPostgres.USER, "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @AfterEach
    void stopReplicas() {
        contexts.forEach(CamelContext::stop);
        jdbc.update("delete from camel_messageprocessed");
        jdbc.update("delete from int_lock");
    }

    @Test
    void aFileIsClaimedByOneReplicaAtATimeAndFreeAgainOnceDone() throws Exception {
        FileClaims first = claims(Duration.ofMinutes(1));
        FileClaims second = claims(Duration.ofMinutes(1));

        assertThat(first.add(FILE)).isTrue();
        assertThat(second.add(FILE)).as("claimed by the first").isFalse();
        assertThat(first.add(FILE)).as("not twice by the same replica either").isFalse();
        assertThat(second.add("/globex/inbound/other.x12")).as("another file").isTrue();

        // done: the file was moved and the claim deleted, so a new upload of the same name is taken again
        assertThat(first.remove(FILE)).isTrue();
        assertThat(second.add(FILE)).isTrue();
    }

    @Test
    void theClaimOfAReplicaThatDiedIsTakenOverByExactlyOneOtherWhichKeepsIt() throws Exception {
        Duration claimFor = Duration.ofSeconds(2);
        FileClaims dying = claims(claimFor);
        assertThat(dying.add(FILE)).isTrue();
        // killed: it no longer renews its claim
        contexts.get(0).stop();
        FileClaims second = claims(claimFor);
        FileClaims third = claims(claimFor);
        assertThat(second.add(FILE)).as("still within its time").isFalse();

        await().atMost(Duration.ofSeconds(20)).until(() -> age(FILE).compareTo(claimFor) > 0);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> takes = both.invokeAll(List.<Callable<Boolean>>of(() -> second.add(FILE), () -> third.add(FILE)));
            List<Boolean> taken = new ArrayList<>();
            for (Future<Boolean> take : takes) {
                taken.add(take.get(30, TimeUnit.SECONDS));
            }
            assertThat(taken).as("which survivors took the file").containsExactlyInAnyOrder(true, false);
        } finally {
            both.shutdownNow();
        }

        // the one that took it renews the claim like its own: long after claimFor, nobody else gets it
        await().pollDelay(claimFor.multipliedBy(2)).atMost(Duration.ofSeconds(20)).until(() -> true);
        assertThat(age(FILE)).isLessThan(claimFor);
        assertThat(claims(claimFor).add(FILE)).isFalse();
    }

    @Test
    void claimsNobodyRenewsAreForgotten() throws Exception {
        Duration claimFor = Duration.ofSeconds(1);
        FileClaims dying = claims(claimFor);
        FileClaims living = claims(claimFor);
        assertThat(dying.add(FILE)).isTrue();
        assertThat(living.add("/acme/inbound/busy.x12")).isTrue();
        contexts.get(0).stop();

        await().atMost(Duration.ofSeconds(20)).until(() -> age(FILE).compareTo(claimFor) > 0);
        assertThat(living.forgetAbandoned()).isEqualTo(1);
        assertThat(jdbc.queryForList("select messageid from camel_messageprocessed", String.class))
                .containsExactly("/acme/inbound/busy.x12");
    }

    @Test
    void oneReplicaLeadsASingletonRouteAndAnotherTakesOverWhenItGoes() throws Exception {
        CamelClusterView first = view("hub-1");
        CamelClusterView second = view("hub-2");

        await().atMost(Duration.ofSeconds(20)).until(() -> first.getLocalMember().isLeader() || second.getLocalMember().isLeader());
        assertThat(first.getLocalMember().isLeader()).isNotEqualTo(second.getLocalMember().isLeader());
        CamelClusterView leader = first.getLocalMember().isLeader() ? first : second;
        CamelClusterView follower = leader == first ? second : first;
        assertThat(leader.getLeader()).hasValueSatisfying(m -> assertThat(m.isLocal()).isTrue());
        assertThat(follower.getLeader()).isEmpty();

        // the leader's replica stops: the other leads within a heartbeat or two
        contexts.get(leader == first ? 0 : 1).stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> follower.getLocalMember().isLeader());
        assertThat(leader.getLocalMember().isLeader()).isFalse();
    }

    private FileClaims claims(Duration claimFor) throws Exception {
        CamelContext context = new DefaultCamelContext();
        FileClaims claims = new FileClaims(dataSource, "edihub-intake-files", context, claimFor, claimFor.dividedBy(4),
                Clock.systemUTC());
        context.addService(claims);
        context.start();
        contexts.add(context);
        return claims;
    }

    private CamelClusterView view(String member) throws Exception {
        DefaultLockRepository locks = new DefaultLockRepository(dataSource);
        locks.setRegion("edihub");
        locks.setTimeToLive(3000);
        locks.setTransactionManager(new DataSourceTransactionManager(dataSource));
        locks.afterPropertiesSet();
        locks.afterSingletonsInstantiated();
        locks.start();
        DatabaseClusterService service = new DatabaseClusterService(new JdbcLockRegistry(locks), member, Duration.ofMillis(200));
        CamelContext context = new DefaultCamelContext();
        context.addService(service);
        context.start();
        contexts.add(context);
        return service.getView("edihub-release-dispatch");
    }

    private Duration age(String file) {
        // written and read through the JVM's time zone alike, as the replicas do
        Timestamp renewed = jdbc.queryForObject("select createdat from camel_messageprocessed where messageid = ?",
                Timestamp.class, file);
        return Duration.between(renewed.toInstant(), Instant.now());
    }
}
