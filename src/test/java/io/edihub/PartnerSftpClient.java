package io.edihub;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import io.edihub.local.SftpConnectionInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

/**
 * A partner's real SFTP client (JSch, strict host key checking) for whole-hub tests: uploads the way
 * careful partners do (temporary name, then rename) and looks into its own folders.
 */
public final class PartnerSftpClient implements AutoCloseable {

    private final Session session;
    private final ChannelSftp sftp;

    public PartnerSftpClient(SftpConnectionInfo info) throws JSchException {
        JSch jsch = new JSch();
        jsch.setKnownHosts(info.knownHostsFile().toString());
        session = jsch.getSession(info.username(), info.host(), info.port());
        session.setPassword(info.password());
        session.setConfig("StrictHostKeyChecking", "yes");
        session.connect(10_000);
        sftp = (ChannelSftp) session.openChannel("sftp");
        sftp.connect(10_000);
    }

    /** Uploads to inbound/ under a temporary name and renames it when complete. */
    public void upload(String name, byte[] content) throws SftpException {
        upload(name, new ByteArrayInputStream(content));
    }

    /** As {@link #upload(String, byte[])}, streaming the content (a file too large to hold). */
    public void upload(String name, java.io.InputStream content) throws SftpException {
        sftp.put(content, "inbound/" + name + ".part");
        sftp.rename("inbound/" + name + ".part", "inbound/" + name);
    }

    private boolean exists(String folder) throws SftpException {
        try {
            sftp.stat(folder);
            return true;
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }

    /** File names in a folder (recursively for archive/), without . and .. */
    public List<String> list(String folder) throws SftpException {
        List<String> names = new ArrayList<>();
        Vector<ChannelSftp.LsEntry> entries;
        for (int attempt = 1; ; attempt++) {
            try {
                @SuppressWarnings("unchecked")
                Vector<ChannelSftp.LsEntry> listed = sftp.ls(folder);
                entries = listed;
                break;
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE && !exists(folder)) {
                    // not there (yet), or moved away between the listing of its parent and this one
                    return names;
                }
                // the folder is there, but a file in it went away while it was listed (the hub renames a .part as
                // it delivers, and the server stats each name it lists): a reader lists again
                if (e.id != ChannelSftp.SSH_FX_FAILURE && e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE || attempt == 5) {
                    throw e;
                }
                // the server failed the listing while the hub moved files in that folder (seen once in a long fuzz
                // run, after 7,500 inputs): a reader lists again, as the hub's own pollers do on their next poll
            }
        }
        for (ChannelSftp.LsEntry e : entries) {
            String n = e.getFilename();
            if (n.equals(".") || n.equals("..")) {
                continue;
            }
            if (e.getAttrs().isDir()) {
                list(folder + "/" + n).forEach(child -> names.add(n + "/" + child));
            } else {
                names.add(n);
            }
        }
        return names;
    }

    /**
     * The 997 answering the partner's interchange with that ISA13, once it is in {@code outbound/}; null until then.
     */
    public String functionalAckTo(String isa13) throws SftpException {
        for (String name : list("outbound")) {
            if (name.startsWith("997-") && name.endsWith("-for-" + isa13 + ".x12")) {
                return read("outbound/" + name);
            }
        }
        return null;
    }

    /**
     * The 999 answering the partner's interchange with that ISA13 (a partner whose profile asks for 999s, for its
     * groups of 005010 and later), once it is in {@code outbound/}; null until then.
     */
    public String implementationAckTo(String isa13) throws SftpException {
        for (String name : list("outbound")) {
            if (name.startsWith("999-") && name.endsWith("-for-" + isa13 + ".x12")) {
                return read("outbound/" + name);
            }
        }
        return null;
    }

    public String read(String path) throws SftpException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sftp.get(path, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A file's size in bytes. */
    public long size(String path) throws SftpException {
        return sftp.stat(path).getSize();
    }

    /** Removes a file, as a partner does with the answers it has collected. */
    public void remove(String path) throws SftpException {
        sftp.rm(path);
    }

    @Override
    public void close() {
        sftp.disconnect();
        session.disconnect();
    }
}
