package io.edihub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Vector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSftpServerTest {

    private static final List<SftpAccount> PARTNERS =
            List.of(new SftpAccount("acme", "acme"), new SftpAccount("globex-user", "globex"));

    @TempDir
    Path dataDir;

    private LocalSftpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPartnersUploadIsSeenByTheHubInThatPartnersInbound() throws Exception {
        server = LocalSftpServer.start(LocalSftpServer.Settings.of(dataDir, FreePort.find()), PARTNERS);

        try (Sftp acme = Sftp.login(server.connectionFor("acme"))) {
            assertThat(acme.list(".")).containsExactlyInAnyOrder("inbound", "outbound", "archive", "error");
            acme.channel.put(new ByteArrayInputStream("ISA*00*...~".getBytes(StandardCharsets.US_ASCII)), "inbound/po-1.edi");
        }

        try (Sftp hub = Sftp.login(server.hubConnection())) {
            assertThat(hub.list("/")).containsExactlyInAnyOrder("acme", "globex");
            assertThat(hub.list("acme/inbound")).containsExactly("po-1.edi");
            assertThat(hub.read("acme/inbound/po-1.edi")).isEqualTo("ISA*00*...~");
        }
        assertThat(server.rootDirectory().resolve("acme/inbound/po-1.edi")).hasContent("ISA*00*...~");
    }

    @Test
    void aPartnerCannotSeeAnotherPartnersFolder() throws Exception {
        server = LocalSftpServer.start(LocalSftpServer.Settings.of(dataDir, FreePort.find()), PARTNERS);
        Files.writeString(server.rootDirectory().resolve("globex/inbound/secret.edi"), "globex only");

        try (Sftp acme = Sftp.login(server.connectionFor("acme"))) {
            assertThat(acme.list("/")).containsExactlyInAnyOrder("inbound", "outbound", "archive", "error");
            assertThat(acme.list("..")).containsExactlyInAnyOrder("inbound", "outbound", "archive", "error");
            for (String escape : List.of("../globex", "/globex", "../../globex", "/../globex/inbound")) {
                assertThatThrownBy(() -> acme.list(escape)).as(escape).isInstanceOf(SftpException.class);
            }
            for (String escape : List.of("../globex/inbound/secret.edi", "/globex/inbound/secret.edi")) {
                assertThatThrownBy(() -> acme.read(escape)).as(escape).isInstanceOf(SftpException.class);
            }
            assertThat(acme.channel.realpath("../..")).isEqualTo("/");
        }
    }

    @Test
    void aWrongPasswordOrAnUnknownAccountIsRefused() {
        server = LocalSftpServer.start(LocalSftpServer.Settings.of(dataDir, FreePort.find()), PARTNERS);
        SftpConnectionInfo acme = server.connectionFor("acme");
        SftpConnectionInfo globex = server.connectionFor("globex-user");

        assertThatThrownBy(() -> Sftp.login(withPassword(acme, "wrong-password")).close())
                .isInstanceOf(JSchException.class).hasMessageContaining("Auth fail");
        assertThatThrownBy(() -> Sftp.login(withPassword(acme, globex.password())).close())
                .isInstanceOf(JSchException.class).hasMessageContaining("Auth fail");
        assertThatThrownBy(() -> Sftp.login(new SftpConnectionInfo(acme.host(), acme.port(), "mallory",
                acme.password(), acme.knownHostsFile())).close())
                .isInstanceOf(JSchException.class).hasMessageContaining("Auth fail");
    }

    @Test
    void anUnknownHostKeyIsRefusedUnderStrictChecking() throws Exception {
        server = LocalSftpServer.start(LocalSftpServer.Settings.of(dataDir, FreePort.find()), PARTNERS);
        Path emptyKnownHosts = Files.createFile(dataDir.resolve("other_known_hosts"));
        SftpConnectionInfo acme = server.connectionFor("acme");

        assertThatThrownBy(() -> Sftp.login(new SftpConnectionInfo(acme.host(), acme.port(), acme.username(),
                acme.password(), emptyKnownHosts)).close())
                .isInstanceOf(JSchException.class).hasMessageContaining("HostKey");
    }

    @Test
    void aRestartKeepsTheHostKeyAndThePasswords() throws Exception {
        int port = FreePort.find();
        server = LocalSftpServer.start(LocalSftpServer.Settings.of(dataDir, port), PARTNERS);
        SftpConnectionInfo acmeBefore = server.connectionFor("acme");
        SftpConnectionInfo hubBefore = server.hubConnection();
        var hostKeyBefore = server.hostKey();
        server.close();

        server = LocalSftpServer.start(LocalSftpServer.Settings.of(dataDir, port), PARTNERS);

        assertThat(server.hostKey()).isEqualTo(hostKeyBefore);
        assertThat(server.connectionFor("acme").password()).isEqualTo(acmeBefore.password());
        assertThat(server.hubConnection().password()).isEqualTo(hubBefore.password());
        assertThat(Files.readAllLines(server.knownHostsFile())).hasSize(1);
        try (Sftp acme = Sftp.login(acmeBefore)) {
            assertThat(acme.list("inbound")).isEmpty();
        }
    }

    @Test
    void generatedPasswordsAreStoredReadableOnlyByTheOwner() throws Exception {
        server = LocalSftpServer.start(LocalSftpServer.Settings.of(dataDir, 0), PARTNERS);
        Path credentials = dataDir.resolve("sftp/credentials.properties");

        assertThat(server.port()).isPositive();
        assertThat(credentials).content()
                .contains("edihub=" + server.hubConnection().password())
                .contains("acme=" + server.connectionFor("acme").password())
                .contains("globex-user=" + server.connectionFor("globex-user").password());
        assertThat(server.connectionFor("acme").password()).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(Files.readString(server.knownHostsFile()))
                .startsWith("[127.0.0.1]:" + server.port() + ",[localhost]:" + server.port() + " ecdsa-sha2-nistp256 ");
    }

    @Test
    void aConfiguredHubPasswordIsUsedInsteadOfAGeneratedOne() throws Exception {
        LocalSftpServer.Settings defaults = LocalSftpServer.Settings.of(dataDir, FreePort.find());
        server = LocalSftpServer.start(new LocalSftpServer.Settings(dataDir, defaults.port(), "hub",
                "configured-secret", "127.0.0.1", defaults.knownHostsFile()), PARTNERS);

        assertThat(server.hubConnection().password()).isEqualTo("configured-secret");
        assertThat(dataDir.resolve("sftp/credentials.properties")).content().doesNotContain("configured-secret");
        try (Sftp hub = Sftp.login(server.hubConnection())) {
            assertThat(hub.list("/")).contains("acme", "globex");
        }
    }

    @Test
    void aPartnerCanLogInWithAPublicKeyPlacedInAuthorizedKeys() throws Exception {
        server = LocalSftpServer.start(LocalSftpServer.Settings.of(dataDir, FreePort.find()), PARTNERS);
        JSch jsch = new JSch();
        KeyPair key = KeyPair.genKeyPair(jsch, KeyPair.ECDSA, 256);
        ByteArrayOutputStream publicKey = new ByteArrayOutputStream();
        ByteArrayOutputStream privateKey = new ByteArrayOutputStream();
        key.writePublicKey(publicKey, "acme@test");
        key.writePrivateKey(privateKey);
        Path authorizedKeys = Files.createDirectories(dataDir.resolve("sftp/authorized_keys"));
        Files.write(authorizedKeys.resolve("acme.pub"), publicKey.toByteArray());

        SftpConnectionInfo acme = server.connectionFor("acme");
        jsch.addIdentity("acme", privateKey.toByteArray(), publicKey.toByteArray(), null);
        jsch.setKnownHosts(acme.knownHostsFile().toString());
        Session session = jsch.getSession("acme", acme.host(), acme.port());
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", "publickey");
        session.connect(10_000);
        try {
            assertThat(session.isConnected()).isTrue();
        } finally {
            session.disconnect();
        }

        Session asGlobex = jsch.getSession("globex-user", acme.host(), acme.port());
        asGlobex.setConfig("StrictHostKeyChecking", "yes");
        asGlobex.setConfig("PreferredAuthentications", "publickey");
        assertThatThrownBy(() -> asGlobex.connect(10_000)).isInstanceOf(JSchException.class).hasMessageContaining("Auth fail");
    }

    private static SftpConnectionInfo withPassword(SftpConnectionInfo info, String password) {
        return new SftpConnectionInfo(info.host(), info.port(), info.username(), password, info.knownHostsFile());
    }

    /** A real SFTP client session (JSch, as Camel's sftp component uses) with strict host key checking. */
    static final class Sftp implements AutoCloseable {

        final Session session;
        final ChannelSftp channel;

        private Sftp(Session session, ChannelSftp channel) {
            this.session = session;
            this.channel = channel;
        }

        static Sftp login(SftpConnectionInfo info) throws JSchException {
            JSch jsch = new JSch();
            jsch.setKnownHosts(info.knownHostsFile().toString());
            Session session = jsch.getSession(info.username(), info.host(), info.port());
            session.setPassword(info.password());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "password");
            session.connect(10_000);
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect(10_000);
            return new Sftp(session, channel);
        }

        List<String> list(String path) throws SftpException {
            Vector<ChannelSftp.LsEntry> entries = channel.ls(path);
            return entries.stream().map(ChannelSftp.LsEntry::getFilename)
                    .filter(name -> !name.equals(".") && !name.equals("..")).toList();
        }

        String read(String path) throws Exception {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            channel.get(path, content);
            return content.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() {
            channel.disconnect();
            session.disconnect();
        }
    }
}
