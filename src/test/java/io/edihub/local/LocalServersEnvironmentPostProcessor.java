package io.edihub.local;

import io.edihub.settings.EmbeddedServerSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Settles, before any bean exists, the values that the embedded servers decide but other parts of the
 * hub read as properties: a port of 0 becomes a concrete free port, and an empty
 * {@code edihub.sftp.password} becomes the hub account's generated password. Every {@code ${...}}
 * and Camel {@code {{...}}} reference then sees the real value. It also gives the hub the database URL and
 * Kafka brokers of the embedded servers, as {@link EmbeddedServerSettings}, which tell the hub's start-up
 * check that nothing needs to come from outside. Registered in this source tree's (test scope)
 * {@code META-INF/spring.factories}; does nothing in the production profile or with
 * {@code edihub.local.enabled=false}.
 */
public class LocalServersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "edihubLocalServers";
    static final String SETTINGS_SOURCE_NAME = "edihubLocalServerSettings";

    private final Log log;

    public LocalServersEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(LocalServersEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        // after application.yaml and the test's properties are loaded
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!LocalServersConfiguration.enabled(environment)) {
            return;
        }
        // placeholders, resolved when read: a port a test registers later is seen
        String postgresPort = "${" + LocalServersConfiguration.POSTGRES_PORT + ":" + LocalServersConfiguration.DEFAULT_POSTGRES_PORT + "}";
        String kafkaPort = "${" + LocalServersConfiguration.KAFKA_PORT + ":" + LocalServersConfiguration.DEFAULT_KAFKA_PORT + "}";
        addBelowEnvironmentVariables(environment, new EmbeddedServerSettings(SETTINGS_SOURCE_NAME, Map.of(
                "spring.datasource.url", "jdbc:postgresql://" + FreePort.LOOPBACK + ":" + postgresPort + "/" + LocalPostgres.DATABASE,
                "edihub.kafka.brokers", FreePort.LOOPBACK + ":" + kafkaPort)));
        Map<String, Object> published = new LinkedHashMap<>();
        publishFreePortFor(environment, published, LocalServersConfiguration.KAFKA_PORT);
        publishFreePortFor(environment, published, LocalServersConfiguration.POSTGRES_PORT);
        int sftpPort = environment.getProperty("edihub.local.sftp.port", Integer.class,
                environment.getProperty("edihub.sftp.port", Integer.class, 2222));
        if (sftpPort == 0) {
            int port = FreePort.find();
            // the server listens on the first, the hub's sftp endpoints connect to the second
            published.put("edihub.local.sftp.port", port);
            published.put("edihub.sftp.port", port);
        }
        environment.getPropertySources().addFirst(new GeneratedHubPassword(environment));
        if (!published.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, published));
            log.debug("Embedded servers publish " + published.keySet());
        }
    }

    /**
     * {@code edihub.sftp.password}: the configured one if any source has a non-blank value (e.g.
     * {@code EDIHUB_SFTP_PASSWORD}), else the hub account's password generated into
     * {@code <data-dir>/sftp/credentials.properties}, the file the embedded server reads. Decided when
     * first read, so that sources added later (a test's own data folder) are seen.
     */
    static final class GeneratedHubPassword extends PropertySource<GeneratedHubPassword.Lookup> {

        private static final String PASSWORD = "edihub.sftp.password";
        private final Map<String, String> byDataDirectory = new java.util.concurrent.ConcurrentHashMap<>();

        /** Holds the environment; not the environment itself, which Spring would walk into as a source. */
        record Lookup(ConfigurableEnvironment environment) {
        }

        GeneratedHubPassword(ConfigurableEnvironment environment) {
            super(PROPERTY_SOURCE_NAME + "Password", new Lookup(environment));
        }

        @Override
        public Object getProperty(String name) {
            if (!PASSWORD.equals(name)) {
                return null;
            }
            ConfigurableEnvironment environment = getSource().environment();
            for (PropertySource<?> source : environment.getPropertySources()) {
                // skip ourselves and Spring Boot's view over all sources, which includes us
                if (source == this || "configurationProperties".equals(source.getName())) {
                    continue;
                }
                Object value = source.getProperty(PASSWORD);
                if (value != null && !environment.resolvePlaceholders(value.toString()).isBlank()) {
                    return environment.resolvePlaceholders(value.toString());
                }
            }
            String dataDirectory = environment.getProperty("edihub.data-dir", "data");
            String username = environment.getProperty("edihub.sftp.username", "edihub");
            return byDataDirectory.computeIfAbsent(dataDirectory + "\n" + username, key ->
                    new GeneratedCredentials(LocalSftpServer.sftpDirectory(Path.of(dataDirectory))).passwordFor(username));
        }
    }

    /**
     * Above application.yaml (whose {@code ${EDIHUB_KAFKA_BROKERS:}} is empty), below the command line, system
     * properties and environment variables, which still choose other servers.
     */
    private static void addBelowEnvironmentVariables(ConfigurableEnvironment environment, PropertySource<?> source) {
        if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
            environment.getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
        } else {
            environment.getPropertySources().addLast(source);
        }
    }

    private static void publishFreePortFor(ConfigurableEnvironment environment, Map<String, Object> published, String property) {
        if (environment.getProperty(property, Integer.class, -1) == 0) {
            published.put(property, FreePort.find());
        }
    }
}
