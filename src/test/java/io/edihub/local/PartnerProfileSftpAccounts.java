package io.edihub.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads only the SFTP keys of the partner profiles ({@code id}, {@code sftp.account},
 * {@code sftp.directory}, both defaulting to the id), so this package needs nothing from the partner package.
 */
final class PartnerProfileSftpAccounts implements SftpAccounts {

    private static final Logger log = LoggerFactory.getLogger(PartnerProfileSftpAccounts.class);

    private final Path partnersDirectory;
    private final YAMLMapper yaml = new YAMLMapper();

    PartnerProfileSftpAccounts(Path partnersDirectory) {
        this.partnersDirectory = partnersDirectory;
    }

    @Override
    public List<SftpAccount> partnerAccounts() {
        if (!Files.isDirectory(partnersDirectory)) {
            log.warn("No partner profiles in {} (not a directory): the SFTP server has only the hub's account",
                    partnersDirectory.toAbsolutePath());
            return List.of();
        }
        List<SftpAccount> accounts = new ArrayList<>();
        try (Stream<Path> files = Files.list(partnersDirectory)) {
            for (Path file : files.filter(PartnerProfileSftpAccounts::isProfile).sorted().toList()) {
                read(file).ifPresent(accounts::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list partner profiles in " + partnersDirectory, e);
        }
        return accounts;
    }

    private Optional<SftpAccount> read(Path file) {
        JsonNode profile;
        try {
            profile = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read partner profile " + file, e);
        }
        String id = profile == null ? "" : profile.path("id").asText("");
        if (id.isBlank()) {
            log.warn("Partner profile {} has no id: no SFTP account for it", file);
            return Optional.empty();
        }
        JsonNode sftp = profile.path("sftp");
        return Optional.of(new SftpAccount(
                sftp.path("account").asText(id), sftp.path("directory").asText(id)));
    }

    private static boolean isProfile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
