package io.edihub.api;

import java.util.List;
import java.util.Map;

/**
 * Passwords for the HTTP API users the settings leave out: each partner without
 * {@code edihub.http.clients.<id>}, and an operator named {@code operator} when {@code edihub.http.operators}
 * names none. Production has no bean of this type, so there every user and password comes from the settings
 * and nothing is made up; the local run's embedded defaults (test scope) provide one that generates the
 * passwords once and keeps them.
 */
@FunctionalInterface
public interface FallbackApiPasswords {

    /** The user name of the operator a run without configured operators gets. */
    String OPERATOR = "operator";

    /** A password for each of the given users. */
    Map<String, String> passwordsFor(List<String> usernames);
}
