package io.edihub.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.settings.EmbeddedServerSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LocalServersEnvironmentPostProcessorTest {

    @TempDir
    Path dataDir;

    private final LocalServersEnvironmentPostProcessor postProcessor =
            new LocalServersEnvironmentPostProcessor(Supplier::get);

    @Test
    void portZeroBecomesAFreePortThatEveryReferenceSees() {
        StandardEnvironment environment = environment(Map.of(
                "edihub.local.kafka.port", "0",
                "edihub.local.postgres.port", "0",
                "edihub.sftp.port", "0",
                "edihub.local.sftp.port", "${edihub.sftp.port}",
                "edihub.kafka.brokers", "127.0.0.1:${edihub.local.kafka.port}"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        int kafkaPort = environment.getProperty("edihub.local.kafka.port", Integer.class);
        assertThat(kafkaPort).isPositive();
        assertThat(environment.getProperty("edihub.kafka.brokers")).isEqualTo("127.0.0.1:" + kafkaPort);
        assertThat(environment.getProperty("edihub.local.postgres.port", Integer.class)).isPositive();
        assertThat(environment.getProperty("edihub.sftp.port", Integer.class)).isPositive()
                .isEqualTo(environment.getProperty("edihub.local.sftp.port", Integer.class));
    }

    @Test
    void theHubGetsTheEmbeddedDatabaseAndBrokerAsSettingsThatNeedNothingFromOutside() {
        StandardEnvironment environment = environment(Map.of("edihub.local.kafka.port", "0", "edihub.local.postgres.port", "0"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("edihub.kafka.brokers"))
                .isEqualTo("127.0.0.1:" + environment.getProperty("edihub.local.kafka.port"));
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:" + environment.getProperty("edihub.local.postgres.port") + "/postgres");
        assertThat(environment.getPropertySources().get(LocalServersEnvironmentPostProcessor.SETTINGS_SOURCE_NAME))
                .isInstanceOf(EmbeddedServerSettings.class);
    }

    @Test
    void theDefaultPortsUnlessConfigured() {
        StandardEnvironment environment = environment(Map.of());

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("edihub.kafka.brokers")).isEqualTo("127.0.0.1:19092");
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://127.0.0.1:15432/postgres");
    }

    @Test
    void fixedPortsAreLeftAlone() {
        StandardEnvironment environment = environment(Map.of(
                "edihub.local.kafka.port", "19092", "edihub.local.postgres.port", "15432", "edihub.sftp.port", "2222",
                "edihub.sftp.password", "configured"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(LocalServersEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
    }

    @Test
    void anEmptyHubPasswordBecomesTheGeneratedOneTheServerWillUse() {
        StandardEnvironment environment = environment(Map.of("edihub.sftp.password", "", "edihub.sftp.username", "hub"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        String published = environment.getProperty("edihub.sftp.password");
        assertThat(published).hasSize(20);
        LocalSftpServer server = LocalSftpServer.start(
                new LocalSftpServer.Settings(dataDir, 0, "hub", "", "127.0.0.1", dataDir.resolve("known_hosts")),
                List.of());
        try {
            assertThat(server.hubConnection().password()).isEqualTo(published);
        } finally {
            server.close();
        }
    }

    @Test
    void aConfiguredPasswordIsKept() {
        StandardEnvironment environment = environment(Map.of("edihub.sftp.password", "configured"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("edihub.sftp.password")).isEqualTo("configured");
        assertThat(dataDir.resolve("sftp/credentials.properties")).doesNotExist();
    }

    @Test
    void nothingHappensWhenTheEmbeddedServersAreSwitchedOff() {
        StandardEnvironment environment = environment(Map.of("edihub.local.enabled", "false", "edihub.local.kafka.port", "0"));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("edihub.local.kafka.port")).isEqualTo("0");
        assertThat(environment.getProperty("edihub.sftp.password")).isNull();
        assertThat(environment.getProperty("edihub.kafka.brokers")).isNull();
        assertThat(environment.getPropertySources().stream()).noneMatch(EmbeddedServerSettings.class::isInstance);
        assertThat(dataDir.resolve("sftp")).doesNotExist();
    }

    @Test
    void nothingHappensInTheProductionProfile() {
        StandardEnvironment environment = environment(Map.of("edihub.local.kafka.port", "0"));
        environment.setActiveProfiles("production");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("edihub.local.kafka.port")).isEqualTo("0");
        assertThat(environment.getProperty("edihub.sftp.password")).isNull();
        assertThat(environment.getPropertySources().stream()).noneMatch(EmbeddedServerSettings.class::isInstance);
        assertThat(dataDir.resolve("sftp")).doesNotExist();
    }

    private StandardEnvironment environment(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("edihub.data-dir", dataDir.toString());
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", all));
        return environment;
    }
}
