package io.edihub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFTP server partners drop their files on, in this JVM (Apache MINA SSHD) on 127.0.0.1.
 *
 * <p>Everything lives under {@code <data-dir>/sftp}: the host key ({@code hostkey.ser}, kept so that
 * clients' {@code known_hosts} stay valid), the generated passwords ({@code credentials.properties}),
 * optional public keys ({@code authorized_keys/<user>.pub}) and the file tree ({@code root/}). The hub's
 * account sees the whole tree; each partner's account is jailed in its own folder, which holds
 * {@code inbound}, {@code outbound}, {@code archive} and {@code error}.
 */
public final class LocalSftpServer implements AutoCloseable {

    public static final List<String> PARTNER_FOLDERS = List.of("inbound", "outbound", "archive", "error");

    private static final Logger log = LoggerFactory.getLogger(LocalSftpServer.class);

    /**
     * @param dataDirectory  {@code edihub.data-dir}; the server keeps its state in its {@code sftp} folder
     * @param port           0 = any free port
     * @param hubUsername    the hub's service account, whose root is the whole tree
     * @param hubPassword    the hub account's password; blank = the generated one in {@code credentials.properties}
     * @param host           the name clients use for this server, written to {@code known_hosts}
     * @param knownHostsFile where to write the server's host key for clients
     */
    public record Settings(Path dataDirectory, int port, String hubUsername, String hubPassword, String host,
            Path knownHostsFile) {

        public Settings {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(hubUsername, "hubUsername");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        }

        @Override
        public String toString() {
            // records print every component, and this one holds a password
            return "Settings[" + hubUsername + "@" + host + ":" + port + ", dataDirectory=" + dataDirectory
                    + ", knownHostsFile=" + knownHostsFile + "]";
        }

        /** Defaults for everything but the data directory and port, as in {@code application.yaml}. */
        public static Settings of(Path dataDirectory, int port) {
            return new Settings(dataDirectory, port, "edihub", null, FreePort.LOOPBACK,
                    sftpDirectory(dataDirectory).resolve("known_hosts"));
        }
    }

    private final SshServer server;
    private final Settings settings;
    private final Path rootDirectory;
    private final PublicKey hostKey;
    private final Map<String, String> passwords;

    private LocalSftpServer(SshServer server, Settings settings, Path rootDirectory, PublicKey hostKey,
            Map<String, String> passwords) {
        this.server = server;
        this.settings = settings;
        this.rootDirectory = rootDirectory;
        this.hostKey = hostKey;
        this.passwords = passwords;
    }

    static Path sftpDirectory(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().normalize().resolve("sftp");
    }

    /** Creates the partners' folders and accounts and starts listening. */
    public static LocalSftpServer start(Settings settings, List<SftpAccount> partnerAccounts) {
        Path sftpDirectory = sftpDirectory(settings.dataDirectory());
        Path root = sftpDirectory.resolve("root");
        checkAccounts(settings.hubUsername(), partnerAccounts);
        try {
            createFolders(root, partnerAccounts);
            Map<String, String> passwords = passwords(settings, sftpDirectory, partnerAccounts);

            VirtualFileSystemFactory jails = new VirtualFileSystemFactory();
            jails.setUserHomeDir(settings.hubUsername(), root);
            partnerAccounts.forEach(account -> jails.setUserHomeDir(account.username(), root.resolve(account.directory())));

            SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(sftpDirectory.resolve("hostkey.ser"));
            hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
            hostKeys.setKeySize(256);
            PublicKey hostKey = hostKey(hostKeys, sftpDirectory.resolve("hostkey.ser"));

            SshServer server = SshServer.setUpDefaultServer();
            server.setHost(FreePort.LOOPBACK);
            server.setPort(settings.port());
            server.setKeyPairProvider(hostKeys);
            server.setPasswordAuthenticator((username, password, session) -> matches(passwords.get(username), password));
            server.setPublickeyAuthenticator(publicKeys(sftpDirectory.resolve("authorized_keys"), passwords.keySet()));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
            server.setFileSystemFactory(jails);
            server.start();

            LocalSftpServer started = new LocalSftpServer(server, settings, root, hostKey, passwords);
            try {
                started.writeKnownHosts();
            } catch (IOException | RuntimeException e) {
                started.close();
                throw e;
            }
            started.logAccounts(new GeneratedCredentials(sftpDirectory), partnerAccounts);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("SFTP server did not start over " + sftpDirectory, e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The folder the hub's account sees as {@code /}. */
    public Path rootDirectory() {
        return rootDirectory;
    }

    public PublicKey hostKey() {
        return hostKey;
    }

    public Path knownHostsFile() {
        return settings.knownHostsFile();
    }

    /** How the hub's service account logs in. */
    public SftpConnectionInfo hubConnection() {
        return connectionFor(settings.hubUsername());
    }

    /** How the given account (the hub's or a partner's) logs in, e.g. to play a partner in a test. */
    public SftpConnectionInfo connectionFor(String username) {
        String password = passwords.get(username);
        if (password == null) {
            throw new IllegalArgumentException("no SFTP account " + username + "; known: " + passwords.keySet());
        }
        return new SftpConnectionInfo(settings.host(), port(), username, password, settings.knownHostsFile());
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException("SFTP server did not stop cleanly", e);
        }
    }

    private static void checkAccounts(String hubUsername, List<SftpAccount> partnerAccounts) {
        Set<String> usernames = new LinkedHashSet<>(List.of(hubUsername));
        Set<String> directories = new LinkedHashSet<>();
        for (SftpAccount account : partnerAccounts) {
            if (!usernames.add(account.username())) {
                throw new IllegalArgumentException("SFTP account " + account.username() + " is defined twice"
                        + (account.username().equals(hubUsername) ? " (it is the hub's own account)" : ""));
            }
            if (!directories.add(account.directory())) {
                throw new IllegalArgumentException("SFTP directory " + account.directory()
                        + " is given to more than one partner account");
            }
        }
    }

    private static void createFolders(Path root, List<SftpAccount> partnerAccounts) throws IOException {
        Files.createDirectories(root);
        for (SftpAccount account : partnerAccounts) {
            for (String folder : PARTNER_FOLDERS) {
                Files.createDirectories(root.resolve(account.directory()).resolve(folder));
            }
        }
    }

    private static Map<String, String> passwords(Settings settings, Path sftpDirectory, List<SftpAccount> partnerAccounts) {
        List<String> generated = new ArrayList<>();
        boolean hubPasswordConfigured = settings.hubPassword() != null && !settings.hubPassword().isBlank();
        if (!hubPasswordConfigured) {
            generated.add(settings.hubUsername());
        }
        partnerAccounts.forEach(account -> generated.add(account.username()));
        Map<String, String> passwords = new LinkedHashMap<>();
        if (hubPasswordConfigured) {
            passwords.put(settings.hubUsername(), settings.hubPassword());
        }
        passwords.putAll(new GeneratedCredentials(sftpDirectory).passwordsFor(generated));
        return Map.copyOf(passwords);
    }

    private static PublicKey hostKey(SimpleGeneratorHostKeyProvider hostKeys, Path file) throws IOException {
        // generates the key on first start, so its file exists before anyone connects
        Iterator<KeyPair> keys = hostKeys.loadKeys(null).iterator();
        if (!keys.hasNext()) {
            throw new IOException("no usable host key in " + file);
        }
        GeneratedCredentials.restrictToOwner(file);
        return keys.next().getPublic();
    }

    private static boolean matches(String expected, String given) {
        return expected != null && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static PublickeyAuthenticator publicKeys(Path directory, Set<String> usernames) {
        // one file per account, re-read when it changes, so a key can be added without a restart
        Map<String, AuthorizedKeysAuthenticator> byUser = new LinkedHashMap<>();
        usernames.forEach(username -> byUser.put(username, new AuthorizedKeysAuthenticator(directory.resolve(username + ".pub"))));
        return (username, key, session) -> {
            AuthorizedKeysAuthenticator authenticator = byUser.get(username);
            return authenticator != null && authenticator.authenticate(username, key, session);
        };
    }

    /**
     * Clients check the host key against this file ({@code StrictHostKeyChecking=yes}). Our earlier
     * lines (same key, or same address) are replaced; lines for other hosts are kept.
     */
    private void writeKnownHosts() throws IOException {
        Path file = settings.knownHostsFile().toAbsolutePath();
        String key = PublicKeyEntry.toString(hostKey);
        Set<String> patterns = new LinkedHashSet<>();
        for (String host : List.of(settings.host(), FreePort.LOOPBACK, "localhost")) {
            patterns.add(port() == 22 ? host : "[" + host + "]:" + port());
        }
        String hosts = String.join(",", patterns);

        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.trim().split("\\s+", 2);
                boolean ours = fields.length == 2 && (fields[0].equals(hosts) || fields[1].startsWith(key));
                if (!ours) {
                    lines.add(line);
                }
            }
        }
        lines.add(hosts + " " + key);
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "known_hosts", ".tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // a temporary file starts owner-only, but host keys are public and other users' clients read them
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void logAccounts(GeneratedCredentials credentials, List<SftpAccount> partnerAccounts) {
        StringBuilder block = new StringBuilder()
                .append("Embedded SFTP server on ").append(FreePort.LOOPBACK).append(':').append(port())
                .append(", files in ").append(rootDirectory)
                .append(", passwords in ").append(credentials.file())
                .append(", its host key in ").append(settings.knownHostsFile().toAbsolutePath());
        String hubPassword = passwords.get(settings.hubUsername());
        boolean hubPasswordGenerated = credentials.storedPassword(settings.hubUsername()).filter(hubPassword::equals).isPresent();
        appendAccount(block, settings.hubUsername(), hubPasswordGenerated ? hubPassword : "(set by edihub.sftp.password)", "");
        partnerAccounts.forEach(account -> appendAccount(block, account.username(), passwords.get(account.username()),
                account.directory()));
        log.info("{}", block);
    }

    private static void appendAccount(StringBuilder block, String username, String password, String directory) {
        block.append(System.lineSeparator()).append("    SFTP account ").append(username)
                .append(" password ").append(password).append(" (root /").append(directory).append(')');
    }
}
