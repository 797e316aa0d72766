package io.edihub.local;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A trading partner's login on the hub's SFTP server, jailed in {@code directory} under the server's root.
 *
 * @param username  the login name
 * @param directory the partner's folder, a single path segment (it holds inbound, outbound, archive, error)
 */
public record SftpAccount(String username, String directory) {

    // one plain path segment: anything else could widen a partner's jail or collide with another's
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public SftpAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(directory, "directory");
        if (!SEGMENT.matcher(username).matches()) {
            throw new IllegalArgumentException("SFTP account name '" + username + "' must match " + SEGMENT);
        }
        if (!SEGMENT.matcher(directory).matches() || directory.equals("..")) {
            throw new IllegalArgumentException("SFTP directory '" + directory + "' of account " + username
                    + " must be a single folder name matching " + SEGMENT);
        }
    }
}
