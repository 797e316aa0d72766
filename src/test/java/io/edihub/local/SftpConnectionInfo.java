package io.edihub.local;

import java.nio.file.Path;

/** What an SFTP client needs to log in to the embedded server with strict host key checking. */
public record SftpConnectionInfo(String host, int port, String username, String password, Path knownHostsFile) {

    @Override
    public String toString() {
        // records print every component; this one ends up in logs and assertion messages
        return "SftpConnectionInfo[" + username + "@" + host + ":" + port + ", knownHostsFile=" + knownHostsFile + "]";
    }
}
