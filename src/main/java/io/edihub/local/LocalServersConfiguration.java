package io.edihub.local;

import com.zaxxer.hikari.HikariDataSource;
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
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL, Kafka broker and SFTP server, unless {@code edihub.local.enabled=false}.
 *
 * <p>Start order: each server starts inside its own bean method, so it is up before any bean that
 * needs it is created. The {@code DataSource} here is built on {@link LocalPostgres} (Spring Boot's own
 * then backs off, and Flyway migrates through this one), and every {@link CamelContext} bean is made to
 * depend on all three servers, so Camel is created after them and stopped before them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "edihub.local.enabled", havingValue = "true", matchIfMissing = true)
public class LocalServersConfiguration {

    static final List<String> SERVER_BEANS = List.of("localPostgres", "localKafkaBroker", "localSftpServer");

    private static final Logger log = LoggerFactory.getLogger(LocalServersConfiguration.class);

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
                environment.getProperty("edihub.local.postgres.port", Integer.class, 15432));
    }

    /** Binds {@code spring.datasource.hikari.*} (pool size, timeouts) like Spring Boot's own would. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(LocalPostgres postgres, Environment environment) {
        String configuredUrl = environment.getProperty("spring.datasource.url");
        if (StringUtils.hasText(configuredUrl) && !configuredUrl.equals(postgres.jdbcUrl())) {
            log.warn("spring.datasource.url={} is ignored: with edihub.local.enabled=true the hub uses the embedded "
                    + "PostgreSQL at {}", configuredUrl, postgres.jdbcUrl());
        }
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(LocalPostgres.USER);
        return dataSource;
    }

    @Bean(destroyMethod = "close")
    LocalKafkaBroker localKafkaBroker(Environment environment) {
        return LocalKafkaBroker.start(environment.getProperty("edihub.local.kafka.port", Integer.class, 19092));
    }

    @Bean(destroyMethod = "close")
    LocalSftpServer localSftpServer(Environment environment, ObjectProvider<SftpAccounts> sftpAccounts) {
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
        SftpAccounts accounts = sftpAccounts.getIfAvailable(() ->
                new PartnerProfileSftpAccounts(Path.of(environment.getProperty("edihub.partners-dir", "config/partners"))));
        return LocalSftpServer.start(settings, accounts.partnerAccounts());
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
