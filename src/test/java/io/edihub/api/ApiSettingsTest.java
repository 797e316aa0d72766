package io.edihub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ApiSettingsTest {

    @Test
    void usersComeFromEnvironmentVariablesAsTheReadmeSays() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "EDIHUB_HTTP_CLIENTS_ACME", "acme-secret", "EDIHUB_HTTP_OPERATORS_OLIVIA", "{bcrypt}$2a$10$abc")));
        ApiSettings settings = new Binder(ConfigurationPropertySources.get(environment))
                .bind("edihub.http", ApiSettings.class).get();
        assertThat(settings.clients()).containsExactly(Map.entry("acme", "acme-secret"));
        assertThat(settings.operators()).containsExactly(Map.entry("olivia", "{bcrypt}$2a$10$abc"));
    }
}
