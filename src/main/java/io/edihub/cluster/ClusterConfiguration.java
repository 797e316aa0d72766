package io.edihub.cluster;

import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;

/**
 * What lets several replicas of the hub run against one PostgreSQL and one Kafka cluster, each document
 * processed once, with existing mechanisms only:
 * <ul>
 * <li>files: every replica polls every partner folder, and a file is taken by the replica that first inserts its
 * claim into {@code camel_messageprocessed}: the SFTP consumers' in-progress repository is {@link FileClaims}
 * (Camel's JDBC repository that knows orphan locks), shared by all replicas. The claim is renewed while the file
 * is processed, deleted once it was moved out of {@code inbound/} (or failed, to be tried again), and taken over
 * by another replica when the one holding it died;</li>
 * <li>singleton routes ({@code master:} endpoints: release dispatch, watchdog, implicit acceptance, outbound
 * delivery) run on the replica that leads their namespace, through {@link DatabaseClusterService};</li>
 * <li>the outbox is shared with {@code FOR UPDATE SKIP LOCKED}, Kafka consumers share one group, and the HTTP
 * API keeps no state.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterSettings.class)
class ClusterConfiguration {

    /** The region of our rows in {@code int_lock}, should another application share the table. */
    static final String LOCK_REGION = "edihub";
    /** Whose claims they are in {@code camel_messageprocessed}. */
    static final String FILE_CLAIMS = "edihub-intake-files";

    @Bean
    DefaultLockRepository leaderLockRepository(DataSource dataSource, ClusterSettings settings) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion(LOCK_REGION);
        repository.setTimeToLive((int) settings.leaderLockFor().toMillis());
        return repository;
    }

    @Bean
    JdbcLockRegistry leaderLocks(DefaultLockRepository leaderLockRepository) {
        return new JdbcLockRegistry(leaderLockRepository);
    }

    /** Found in the registry by Camel, which adds it to the context for the {@code master:} endpoints. */
    @Bean
    DatabaseClusterService databaseClusterService(JdbcLockRegistry leaderLocks, ClusterSettings settings) {
        return new DatabaseClusterService(leaderLocks, settings.memberName(), settings.leaderHeartbeat());
    }

    /** The intake routes' {@code inProgressRepository}: which replica is processing which file. */
    @Bean
    FileClaims fileClaims(DataSource dataSource, CamelContext camelContext, ClusterSettings settings) {
        return new FileClaims(dataSource, FILE_CLAIMS, camelContext, settings.fileClaimFor(), settings.fileClaimRenew(),
                Clock.systemUTC());
    }
}
