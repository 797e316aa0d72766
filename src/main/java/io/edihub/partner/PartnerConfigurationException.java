package io.edihub.partner;

import java.util.List;

/** Partner profiles that cannot be used: each problem names the file and the key, one line each. */
public class PartnerConfigurationException extends RuntimeException {

    private final List<String> problems;

    public PartnerConfigurationException(String message) {
        this(message, null);
    }

    public PartnerConfigurationException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** Every problem found, e.g. all of one file's violations of the schema, or of several files. */
    public PartnerConfigurationException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per problem, each starting with the file: {@code acme.yaml: priority: 12 is not valid, ...}. */
    public List<String> problems() {
        return problems;
    }
}
