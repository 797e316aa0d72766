package io.edihub.local;

import io.edihub.api.FallbackApiPasswords;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passwords for the HTTP API users of the embedded defaults (one per partner, plus an operator),
 * generated on first start and kept in {@code <data-dir>/http/credentials.properties}. Production
 * configures every password itself and has no such bean.
 */
public final class LocalApiCredentials implements FallbackApiPasswords {

    private static final Logger log = LoggerFactory.getLogger(LocalApiCredentials.class);

    private final GeneratedCredentials credentials;

    public LocalApiCredentials(Path dataDirectory) {
        this.credentials = new GeneratedCredentials(dataDirectory.resolve("http"));
    }

    /** The stored password of each user, generating one for each that has none yet. */
    @Override
    public Map<String, String> passwordsFor(List<String> usernames) {
        Map<String, String> passwords = credentials.passwordsFor(usernames);
        if (!usernames.isEmpty()) {
            log.info("HTTP API users of the embedded defaults (passwords in {}): {}", file(), String.join(", ", usernames));
        }
        return passwords;
    }

    public Path file() {
        return credentials.file();
    }
}
