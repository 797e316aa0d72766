package io.edihub.monitoring;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import io.edihub.intake.PartnerSftp;
import io.edihub.partner.PartnerProfile;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.util.StringUtils;

/**
 * Logs in to the SFTP server the way the partner's intake route does (the hub's account, strict host key
 * checking against the configured known hosts) and looks for the partner's {@code inbound/} folder: UP
 * when the route could poll it, DOWN with the reason otherwise.
 */
final class PartnerSftpCheck implements Supplier<Health> {

    private final PartnerProfile partner;
    private final PartnerSftp.Login login;
    private final int timeoutMs;

    PartnerSftpCheck(PartnerProfile partner, PartnerSftp.Login login, int timeoutMs) {
        this.partner = partner;
        this.login = login;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public Health get() {
        String inbound = partner.sftpDirectory() + "/inbound";
        Health.Builder health = Health.unknown().withDetail("server", login.host() + ":" + login.port())
                .withDetail("folder", inbound);
        Session session = null;
        try {
            JSch jsch = new JSch();
            jsch.setKnownHosts(login.knownHostsFile());
            if (StringUtils.hasText(login.privateKeyFile())) {
                jsch.addIdentity(login.privateKeyFile());
            }
            session = jsch.getSession(login.username(), login.host(), login.port());
            if (StringUtils.hasText(login.password())) {
                session.setPassword(login.password());
            }
            session.setConfig("StrictHostKeyChecking", "yes");
            // every read on the connection, not only the connect, gives up after the timeout
            session.setTimeout(timeoutMs);
            session.connect(timeoutMs);
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(timeoutMs);
            try {
                SftpATTRS folder = sftp.stat(inbound);
                return folder.isDir() ? health.up().build()
                        : health.down().withDetail("error", inbound + " is not a folder").build();
            } finally {
                sftp.disconnect();
            }
        } catch (SftpException e) {
            return health.down().withDetail("error", e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE
                    ? inbound + " does not exist" : "cannot look at " + inbound + ": " + e.getMessage()).build();
        } catch (JSchException e) {
            return health.down().withDetail("error", "cannot log in as " + login + ": " + e.getMessage()).build();
        } finally {
            if (session != null) {
                session.disconnect();
            }
        }
    }
}
