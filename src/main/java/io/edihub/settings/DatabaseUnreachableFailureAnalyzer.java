package io.edihub.settings;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * A start that fails because the database cannot be reached, or refuses the login, says which database by
 * its URL: the driver's own message names only host and port, or not even that when the login is refused.
 */
public class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** SQLSTATE classes 08 (connection exception) and 28 (invalid authorization). */
    private static final String CONNECTION = "08";
    private static final String AUTHORIZATION = "28";

    private final Environment environment;

    public DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        if (state == null || !(state.startsWith(CONNECTION) || state.startsWith(AUTHORIZATION))) {
            return null;
        }
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        return new FailureAnalysis("The database at " + url + " (spring.datasource.url, EDIHUB_DB_URL) could not be "
                + "reached at start: " + cause.getMessage(),
                "Check EDIHUB_DB_URL, EDIHUB_DB_USERNAME and EDIHUB_DB_PASSWORD, and that the database accepts "
                        + "connections from the hub.",
                cause);
    }
}
