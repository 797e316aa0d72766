package io.edihub.local;

import com.zaxxer.hikari.HikariDataSource;
import io.edihub.partner.PartnerDirectory;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL, Kafka broker and SFTP server, unless {@code edihub.local.enabled=false} or
 * the production profile is active. It lives in test scope: the tests' hubs and the local run
 * ({@code io.edihub.LocalEdiHub}) find it by component scan, the production artifact does not have it.
 *
 * <p>Start order: each server starts inside its own bean method, so it is up before any bean that
 * needs it is created. The {@code DataSource} here is built on {@link LocalPostgres} (Spring Boot's own
 * then backs off, and Flyway migrates through this one), and every {@link CamelContext} bean is made to
 * depend on all three servers, so Camel is created after them and stopped before them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = LocalServersConfiguration.ENABLED, havingValue = "true", matchIfMissing = true)
@Profile("!" + LocalServersConfiguration.PRODUCTION)
public class LocalServersConfiguration {

    static final String ENABLED = "edihub.local.enabled";
    static final String PRODUCTION = "production";
    static final String KAFKA_PORT = "edihub.local.kafka.port";
    static final String POSTGRES_PORT = "edihub.local.postgres.port";
    static final int DEFAULT_KAFKA_PORT = 19092;
    static final int DEFAULT_POSTGRES_PORT = 15432;

    static final List<String> SERVER_BEANS = List.of("localPostgres", "localKafkaBroker", "localSftpServer");

    private static final Logger log = LoggerFactory.getLogger(LocalServersConfiguration.class);

    /** The same decision as this class's conditions, for code that runs before there are beans. */
    static boolean enabled(Environment environment) {
        return environment.getProperty(ENABLED, Boolean.class, true) && !environment.acceptsProfiles(Profiles.of(PRODUCTION));
    }

    @Bean
    static BeanFactoryPostProcessor camelStartsAfterLocalServers() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(CamelContext.class, true, false)) {
                if (beanFactory.containsBeanDefinition(name)) {
                    BeanDefinition camel = beanFactory.getBeanDefinition(name);
                    Set<String> dependsOn = new LinkedHashSet<>();
                    if (camel.getDependsOn() != null) {
                        dependsOn.addAll(List.of(camel.getDependsOn()));
                    }
                    dependsOn.addAll(SERVER_BEANS);
                    camel.setDependsOn(dependsOn.toArray(String[]::new));
                }
            }
        };
    }

    @Bean(destroyMethod = "close")
    LocalPostgres localPostgres(Environment environment) {
        return LocalPostgres.start(dataDirectory(environment).resolve("postgres"),
                environment.getProperty(POSTGRES_PORT, Integer.class, DEFAULT_POSTGRES_PORT));
    }

    /** Binds {@code spring.datasource.hikari.*} (pool size, timeouts) like Spring Boot's own would. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(LocalPostgres postgres, Environment environment) {
        String configuredUrl = environment.getProperty("spring.datasource.url");
        if (StringUtils.hasText(configuredUrl) && !configuredUrl.equals(postgres.jdbcUrl())) {
            log.warn("spring.datasource.url={} is ignored: with the embedded servers the hub uses the embedded "
                    + "PostgreSQL at {}", configuredUrl, postgres.jdbcUrl());
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(LocalPostgres.USER);
        return dataSource;
    }

    @Bean(destroyMethod = "close")
    LocalKafkaBroker localKafkaBroker(Environment environment) {
        return LocalKafkaBroker.start(dataDirectory(environment).resolve("kafka"),
                environment.getProperty(KAFKA_PORT, Integer.class, DEFAULT_KAFKA_PORT));
    }

    @Bean(destroyMethod = "close")
    LocalSftpServer localSftpServer(Environment environment, ObjectProvider<PartnerDirectory> partners) {
        Path dataDirectory = dataDirectory(environment);
        String knownHostsFile = environment.getProperty("edihub.sftp.known-hosts-file");
        LocalSftpServer.Settings settings = new LocalSftpServer.Settings(
                dataDirectory,
                environment.getProperty("edihub.local.sftp.port", Integer.class,
                        environment.getProperty("edihub.sftp.port", Integer.class, 2222)),
                environment.getProperty("edihub.sftp.username", "edihub"),
                environment.getProperty("edihub.sftp.password"),
                environment.getProperty("edihub.sftp.host", FreePort.LOOPBACK),
                StringUtils.hasText(knownHostsFile)
                        ? Path.of(knownHostsFile)
                        : LocalSftpServer.sftpDirectory(dataDirectory).resolve("known_hosts"));
        PartnerDirectory directory = partners.getIfAvailable();
        SftpAccounts accounts = directory != null ? accountsOf(directory)
                : new PartnerProfileSftpAccounts(Path.of(environment.getProperty("edihub.partners-dir", "config/partners")));
        return LocalSftpServer.start(settings, accounts.partnerAccounts());
    }

    /** One account per partner profile as the hub validated it; a partner with its own SFTP server has none here. */
    private static SftpAccounts accountsOf(PartnerDirectory partners) {
        return () -> partners.all().stream().filter(p -> p.sftpServer() == null)
                .map(p -> new SftpAccount(p.sftpAccount(), p.sftpDirectory())).toList();
    }

    /** Passwords for the HTTP API users the settings leave out, generated once into {@code <data-dir>/http}. */
    @Bean
    LocalApiCredentials localApiCredentials(Environment environment) {
        return new LocalApiCredentials(dataDirectory(environment));
    }

    /** How the hub's own account logs in to the embedded SFTP server. */
    @Bean
    SftpConnectionInfo sftpConnectionInfo(LocalSftpServer server) {
        return server.hubConnection();
    }

    private static Path dataDirectory(Environment environment) {
        return Path.of(environment.getProperty("edihub.data-dir", "data"));
    }
}
