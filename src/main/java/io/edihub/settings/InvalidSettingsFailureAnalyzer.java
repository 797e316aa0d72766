package io.edihub.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the start-up check's exception into Spring Boot's "APPLICATION FAILED TO START" report. */
public class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the environment variables named above (the production profile has no defaults for them; "
                        + "see application-production.yaml), then start the hub again. To try the hub out on embedded "
                        + "servers instead, run ./mvnw spring-boot:test-run in its source folder.",
                cause);
    }
}
