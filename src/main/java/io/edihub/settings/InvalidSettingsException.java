package io.edihub.settings;

import java.util.List;

/** The hub's settings cannot work: each problem names the property and the environment variable that sets it. */
class InvalidSettingsException extends IllegalStateException {

    private final List<String> problems;

    InvalidSettingsException(List<String> problems) {
        super(report(problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem under one heading, as the start's failure report prints it. */
    static String report(List<String> problems) {
        return "The hub's settings are incomplete or wrong:" + System.lineSeparator()
                + String.join(System.lineSeparator(), problems.stream().map(p -> "  - " + p).toList());
    }

    public List<String> problems() {
        return problems;
    }
}
