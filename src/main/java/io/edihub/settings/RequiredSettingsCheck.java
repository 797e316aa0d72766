package io.edihub.settings;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Stops the start, before any bean exists and so before anything connects, when a setting the hub needs from
 * outside is missing or wrong. {@link InvalidSettingsFailureAnalyzer} prints the one message listing every
 * problem. Only the local run's embedded servers (see {@link EmbeddedServerSettings}) make the check unnecessary.
 */
public class RequiredSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final String PRODUCTION = "production";

    @Override
    public int getOrder() {
        // after application.yaml, application-production.yaml and the embedded servers' settings (in the local run)
        return ConfigDataEnvironmentPostProcessor.ORDER + 2;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean production = environment.acceptsProfiles(Profiles.of(PRODUCTION));
        boolean embedded = EmbeddedServerSettings.presentIn(environment);
        if (embedded && production) {
            throw new InvalidSettingsException(List.of("embedded servers supply settings, "
                    + "but the production profile never runs them"));
        }
        if (embedded) {
            return;
        }
        List<String> problems = RequiredSettings.problems(environment, production);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }
}
