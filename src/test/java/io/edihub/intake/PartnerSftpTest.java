package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.partner.PartnerDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/**
 * The parameters a partner's intake route is made with (routes/order-intake.camel.yaml): a partner that renames its
 * uploads has its files read as soon as they are listed, any other only once they stopped changing.
 */
class PartnerSftpTest {

    @TempDir
    Path dir;

    @Test
    void aPartnerThatRenamesItsUploadsIsReadWithoutWaitingAnyOtherOnceItsFileStoppedChanging() throws Exception {
        Files.writeString(dir.resolve("initech.yaml"), "id: initech\nx12:\n  isa-id: INITECH\nsftp:\n  uploads: renamed\n");
        Files.writeString(dir.resolve("pied.yaml"), "id: pied\nx12:\n  isa-id: PIED\nsftp:\n  directory: pied-piper\n");
        PartnerDirectory partners = PartnerDirectory.load(dir);
        PartnerSftp sftp = new PartnerSftp(partners, new SftpSettings("127.0.0.1", 2222, "edihub", "secret", null,
                "known_hosts", 100), new MockEnvironment());

        assertThat(sftp.routeParameters(partners.byId("initech").orElseThrow()))
                .containsEntry("readLock", "none").containsEntry("directory", "initech");
        assertThat(sftp.routeParameters(partners.byId("pied").orElseThrow()))
                .containsEntry("readLock", "changed").containsEntry("directory", "pied-piper").containsEntry("port", 2222);
    }
}
