package io.edihub.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RequiredSettingsCheckTest {

    private final RequiredSettingsCheck check = new RequiredSettingsCheck();

    @Test
    void theEmbeddedServersNeedNothingFromOutside() {
        MockEnvironment environment = withEmbeddedServers(new MockEnvironment());

        assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()));
    }

    @Test
    void withoutEmbeddedServersEveryProblemIsInOneException() {
        MockEnvironment environment = new MockEnvironment();

        InvalidSettingsException failure = catchThrowableOfType(InvalidSettingsException.class,
                () -> check.postProcessEnvironment(environment, new SpringApplication()));

        assertThat(failure.problems()).contains("spring.datasource.url (EDIHUB_DB_URL) is not set",
                "edihub.kafka.brokers (EDIHUB_KAFKA_BROKERS) is not set");
        assertThat(failure).hasMessageStartingWith("The hub's settings are incomplete or wrong:")
                .hasMessageContaining("  - edihub.kafka.brokers (EDIHUB_KAFKA_BROKERS) is not set");
    }

    @Test
    void theProductionProfileNeverRunsOnEmbeddedServers() {
        MockEnvironment environment = withEmbeddedServers(new MockEnvironment());
        environment.setActiveProfiles(RequiredSettingsCheck.PRODUCTION);

        InvalidSettingsException failure = catchThrowableOfType(InvalidSettingsException.class,
                () -> check.postProcessEnvironment(environment, new SpringApplication()));

        assertThat(failure.problems()).containsExactly("embedded servers supply settings, but the production profile "
                + "never runs them");
    }

    private static MockEnvironment withEmbeddedServers(MockEnvironment environment) {
        environment.getPropertySources().addLast(new EmbeddedServerSettings("embedded",
                Map.of("edihub.kafka.brokers", "127.0.0.1:19092")));
        return environment;
    }
}
