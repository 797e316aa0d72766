package io.edihub.settings;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings that servers started together with the hub supply themselves: the local run's embedded
 * PostgreSQL, Kafka broker and SFTP server, which live in test scope and are never part of the production
 * artifact. While the environment holds one of these, {@link RequiredSettingsCheck} does not ask for the
 * database, brokers, SFTP server and users from outside. Production has none, so there every setting is checked.
 */
public class EmbeddedServerSettings extends MapPropertySource {

    public EmbeddedServerSettings(String name, Map<String, Object> settings) {
        super(name, settings);
    }

    static boolean presentIn(ConfigurableEnvironment environment) {
        return environment.getPropertySources().stream().anyMatch(EmbeddedServerSettings.class::isInstance);
    }
}
