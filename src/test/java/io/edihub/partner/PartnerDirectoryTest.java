package io.edihub.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerDirectoryTest {

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void demoPartnersLoad() {
        PartnerDirectory partners = PartnerDirectory.load(Path.of("config/partners"));
        PartnerProfile acme = partners.byId("acme").orElseThrow();
        assertThat(acme.isaId()).isEqualTo("ACMEFED");
        assertThat(acme.ta1()).isEqualTo(PartnerProfile.Ta1Policy.WHEN_REQUESTED);
        assertThat(acme.duplicateWindow()).isEqualTo(Duration.ofDays(180));
        assertThat(partners.byInterchangeSender("01", "081466849 ")).map(PartnerProfile::id).contains("globex");
        assertThat(partners.byInterchangeSender("ZZ", "NOBODY")).isEmpty();
    }

    @Test
    void defaultsApplyWhereAFileIsSilent() throws IOException {
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\n");
        PartnerProfile p = PartnerDirectory.load(dir).byId("initech").orElseThrow();
        assertThat(p.sftpAccount()).isEqualTo("initech");
        assertThat(p.sftpDirectory()).isEqualTo("initech");
        assertThat(p.releaseExtension()).isEqualTo(PartnerProfile.ReleaseExtension.SEQUENCE);
        assertThat(p.isGroupSender("INITECH")).isTrue();
    }

    @Test
    void anUnknownKeyNamesFileAndKey() throws IOException {
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\n  isa-qualifer: ZZ\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).isInstanceOf(PartnerConfigurationException.class)
                .hasMessageContaining("initech.yaml").hasMessageContaining("x12.isa-qualifer");
    }

    @Test
    void aBadValueNamesFileKeyAndWhatIsExpected() throws IOException {
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\nreleases:\n  extension: WEEKLY\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("releases.extension").hasMessageContaining("SEQUENCE");
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\nduplicate-window: 90 days\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("duplicate-window");
        write("initech.yaml", "id: initech\nx12:\n  isa-id: WAY-TOO-LONG-FOR-ISA06\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("x12.isa-id");
    }

    @Test
    void aMissingRequiredKeyAndAMismatchedFileNameAreRefused() throws IOException {
        write("initech.yaml", "id: initech\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml").hasMessageContaining("x12");
        Files.delete(dir.resolve("initech.yaml"));
        write("other.yaml", "id: initech\nx12:\n  isa-id: INITECH\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("<id>.yaml");
    }

    @Test
    void twoPartnersMayNotShareASenderId() throws IOException {
        write("a.yaml", "id: a\nx12:\n  isa-qualifier: ZZ\n  isa-id: SAME\n");
        write("b.yaml", "id: b\nx12:\n  isa-qualifier: ZZ\n  isa-id: SAME\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("same interchange sender id SAME");
    }
}
