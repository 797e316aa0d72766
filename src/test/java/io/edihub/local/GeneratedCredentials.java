package io.edihub.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Generated passwords of the embedded defaults (SFTP accounts, HTTP API users), kept in
 * {@code credentials.properties} in their folder so that they stay the same across restarts. For SFTP,
 * both the environment post-processor (which publishes the hub's password before Camel reads
 * {@code {{edihub.sftp.password}}}) and the server go through here.
 */
final class GeneratedCredentials {

    static final String FILE_NAME = "credentials.properties";

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    // the post-processor and the server may both generate passwords, in one JVM
    private static final Object LOCK = new Object();

    private final Path file;

    GeneratedCredentials(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    Optional<String> storedPassword(String username) {
        synchronized (LOCK) {
            return Optional.ofNullable(load().getProperty(username));
        }
    }

    /** The stored password of each user, generating (and storing) one for each user that has none. */
    Map<String, String> passwordsFor(Collection<String> usernames) {
        synchronized (LOCK) {
            Properties stored = load();
            boolean generated = false;
            Map<String, String> passwords = new LinkedHashMap<>();
            for (String username : usernames) {
                String password = stored.getProperty(username);
                if (password == null) {
                    password = generatePassword();
                    stored.setProperty(username, password);
                    generated = true;
                }
                passwords.put(username, password);
            }
            if (generated) {
                store(stored);
            }
            return passwords;
        }
    }

    String passwordFor(String username) {
        return passwordsFor(List.of(username)).get(username);
    }

    private Properties load() {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read generated credentials " + file, e);
            }
        }
        return properties;
    }

    private void store(Properties properties) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            // a temporary file is created owner-only (600) on POSIX; moving it keeps that, and a reader
            // never sees half a file
            Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Embedded SFTP server accounts (generated; delete a line to get a new password)");
            }
            restrictToOwner(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write generated credentials " + file, e);
        }
    }

    static void restrictToOwner(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static String generatePassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
