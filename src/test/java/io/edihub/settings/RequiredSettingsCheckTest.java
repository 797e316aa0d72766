package io.edihub.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RequiredSettingsCheckTest {

    private final RequiredSettingsCheck check = new RequiredSettingsCheck();

    @Test
    void theEmbeddedServersNeedNothingFromOutside() {
        assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(new MockEnvironment(), new SpringApplication()));
    }

    @Test
    void withTheEmbeddedServersOffEveryProblemIsInOneException() {
        MockEnvironment environment = new MockEnvironment().withProperty("edihub.local.enabled", "false");

        InvalidSettingsException failure = catchThrowableOfType(InvalidSettingsException.class,
                () -> check.postProcessEnvironment(environment, new SpringApplication()));

        assertThat(failure.problems()).contains("spring.datasource.url (EDIHUB_DB_URL) is not set",
                "edihub.kafka.brokers (EDIHUB_KAFKA_BROKERS) is not set");
        assertThat(failure).hasMessageStartingWith("The hub's settings are incomplete or wrong:")
                .hasMessageContaining("  - edihub.kafka.brokers (EDIHUB_KAFKA_BROKERS) is not set");
    }

    @Test
    void theProductionProfileNeverStartsTheEmbeddedServers() {
        MockEnvironment environment = new MockEnvironment().withProperty("edihub.local.enabled", "true");
        environment.setActiveProfiles(RequiredSettingsCheck.PRODUCTION);

        InvalidSettingsException failure = catchThrowableOfType(InvalidSettingsException.class,
                () -> check.postProcessEnvironment(environment, new SpringApplication()));

        assertThat(failure.problems()).containsExactly("edihub.local.enabled (EDIHUB_LOCAL_ENABLED) is true, but the "
                + "production profile never starts the embedded servers");
    }
}
