package io.edihub.settings;

import io.edihub.partner.PartnerConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Partner files that cannot be used stop the start with Spring Boot's "APPLICATION FAILED TO START" report listing
 * each problem by file and key, rather than a stack trace. (With the embedded servers off the start-up check reports
 * them before any bean exists, beside the other settings; with them on, the partner directory's bean does.)
 */
public class PartnerFilesFailureAnalyzer extends AbstractFailureAnalyzer<PartnerConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PartnerConfigurationException cause) {
        return new FailureAnalysis("The partner files cannot be used:" + System.lineSeparator()
                + String.join(System.lineSeparator(), cause.problems().stream().map(p -> "  - " + p).toList()),
                "Correct the keys named above, then start the hub again. The files follow the JSON Schema "
                        + "schemas/partner-profile.schema.json (src/main/resources/schemas in the repository): an editor "
                        + "with YAML language support checks a file against it as you type when its first line is "
                        + "'# yaml-language-server: $schema=<path to the schema>', as in config/partners/.",
                cause);
    }
}
