package io.edihub.settings;

import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Stops the start, before any bean exists and so before anything connects, when the embedded servers are
 * off and a setting the hub needs from outside is missing or wrong. {@link InvalidSettingsFailureAnalyzer}
 * prints the one message listing every problem.
 */
public class RequiredSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final String PRODUCTION = "production";

    @Override
    public int getOrder() {
        // after application.yaml, application-production.yaml and the embedded servers' published values
        return ConfigDataEnvironmentPostProcessor.ORDER + 2;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean production = environment.acceptsProfiles(Profiles.of(PRODUCTION));
        boolean local = environment.getProperty("edihub.local.enabled", Boolean.class, true);
        if (local && production) {
            throw new InvalidSettingsException(List.of("edihub.local.enabled (EDIHUB_LOCAL_ENABLED) is true, "
                    + "but the production profile never starts the embedded servers"));
        }
        if (local) {
            return;
        }
        List<String> problems = RequiredSettings.problems(environment, production);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }
}
