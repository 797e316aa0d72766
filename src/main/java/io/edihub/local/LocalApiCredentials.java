package io.edihub.local;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Passwords for the HTTP API users of the embedded defaults (one per partner, plus an operator),
 * generated on first start and kept in {@code <data-dir>/http/credentials.properties}. Production
 * configures every password itself and never gets here.
 */
public final class LocalApiCredentials {

    private final GeneratedCredentials credentials;

    public LocalApiCredentials(Path dataDirectory) {
        this.credentials = new GeneratedCredentials(dataDirectory.resolve("http"));
    }

    /** The stored password of each user, generating one for each that has none yet. */
    public Map<String, String> passwordsFor(Collection<String> usernames) {
        return credentials.passwordsFor(usernames);
    }

    public Path file() {
        return credentials.file();
    }
}
