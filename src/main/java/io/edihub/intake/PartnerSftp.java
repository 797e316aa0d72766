package io.edihub.intake;

import io.edihub.ops.EdiHubHeaders;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Header;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where each partner's folders are: on the hub's SFTP server ({@link SftpSettings}), or on the partner's own
 * server when its profile names one ({@code sftp.server}, the password from
 * {@code EDIHUB_PARTNER_SFTP_<ID>_PASSWORD}). The intake route of a partner polls there, and the routes that
 * write a partner's acknowledgments, documents and error reports write there.
 */
@Component("partnerSftp")
public class PartnerSftp {

    /** How the hub logs in to the server that holds a partner's folders, and which folder is the partner's. */
    public record Login(String host, int port, String username, String password, String privateKeyFile,
            String knownHostsFile, String directory) {

        /** For logs and health details: never the password. */
        @Override
        public String toString() {
            return username + "@" + host + ":" + port + "/" + directory;
        }
    }

    private final PartnerDirectory partners;
    private final SftpSettings hub;
    /** Read for the partners' own servers' passwords, whose variable names come from the partner ids. */
    private final Environment environment;

    PartnerSftp(PartnerDirectory partners, SftpSettings hub, Environment environment) {
        this.partners = partners;
        this.hub = hub;
        this.environment = environment;
    }

    public Login login(PartnerProfile partner) {
        PartnerProfile.SftpServer own = partner.sftpServer();
        if (own != null) {
            return new Login(own.host(), own.port(), own.username(), environment.getProperty(partner.passwordVariable(), ""),
                    own.privateKeyFile(), own.knownHostsFile(), partner.sftpDirectory());
        }
        return new Login(hub.host(), hub.port(), hub.username(), hub.password(), hub.privateKeyFile(), hub.knownHostsFile(),
                partner.sftpDirectory());
    }

    /** The parameters of the partner's {@code receiveOrders} route (see routes/order-intake.camel.yaml). */
    Map<String, Object> routeParameters(PartnerProfile partner) {
        Login login = login(partner);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("host", login.host());
        parameters.put("port", login.port());
        parameters.put("username", login.username());
        parameters.put("password", login.password());
        if (login.privateKeyFile() != null) {
            parameters.put("privateKeyFile", login.privateKeyFile());
        }
        parameters.put("knownHostsFile", login.knownHostsFile());
        parameters.put("directory", login.directory());
        // a partner that renames its uploads lists only complete files: no wait for a file to stop changing
        parameters.put("readLock", partner.uploads() == PartnerProfile.Uploads.RENAMED ? "none" : "changed");
        return parameters;
    }

    /**
     * The endpoint that writes into the partner's {@code outbound/} folder under a temporary name. Every name there is
     * a document's own (its control number or business number is in it), so a name already there is that document
     * written before a crash kept it from being marked: it is left alone rather than written again.
     */
    public String outboundUri(@Header(EdiHubHeaders.PARTNER) String partnerId) {
        return writerUri(partnerId, "outbound") + "&autoCreate=true&fileExist=Ignore";
    }

    /**
     * The endpoint for a document's first delivery: written under the temporary name and renamed, without checking
     * the folder first (Camel's {@code TryRename}) nor creating it: the name is the document's own and no delivery
     * wrote it before. Should the write or the rename fail, the document is delivered again through
     * {@link #outboundUri}, which checks and creates.
     */
    public String firstDeliveryUri(@Header(EdiHubHeaders.PARTNER) String partnerId) {
        return writerUri(partnerId, "outbound") + "&autoCreate=false&fileExist=TryRename";
    }

    /** The endpoint that writes into the partner's {@code error/} folder under a temporary name. */
    public String errorUri(@Header(EdiHubHeaders.PARTNER) String partnerId) {
        return writerUri(partnerId, "error") + "&autoCreate=true";
    }

    private String writerUri(String partnerId, String folder) {
        PartnerProfile partner = partners.byId(partnerId)
                .orElseThrow(() -> new IllegalArgumentException("no partner profile '" + partnerId + "'"));
        Login login = login(partner);
        StringBuilder uri = new StringBuilder("sftp:").append(login.host()).append(':').append(login.port()).append('/')
                .append(login.directory()).append('/').append(folder)
                .append("?username=").append(login.username())
                .append("&password=RAW(").append(login.password()).append(')')
                .append("&knownHostsFile=RAW(").append(login.knownHostsFile()).append(')');
        if (login.privateKeyFile() != null) {
            uri.append("&privateKeyFile=RAW(").append(login.privateKeyFile()).append(')');
        }
        // strict host key checking against the configured file only; the partner never sees a half-written file
        // fastExistsCheck: the checks for the file and its temporary name stat that name; without it each lists the
        // whole folder, twice a file, which made delivery slower the more files the partner had not collected yet
        // sendNoop=false: Camel's check before every write is an SSH keep-alive; its reply is a small packet that the
        // server's Nagle holds back the next answer behind until our delayed ACK (40 ms on Linux), which capped delivery
        // at about 25 files/s. A session that went away is still noticed (JSch's state) and opened again, and a write
        // on a dead one fails and is tried again.
        return uri.append("&strictHostKeyChecking=yes&useUserKnownHostsFile=false&stepwise=false&sendNoop=false")
                .append("&fastExistsCheck=true&tempFileName=${file:name}.part").toString();
    }
}
