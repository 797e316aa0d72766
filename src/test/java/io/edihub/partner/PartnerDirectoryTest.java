package io.edihub.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
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
    void theFunctionalAcknowledgmentIs997Or999AndNothingElse() throws IOException {
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\nacknowledgments:\n  functional: 999\n");
        write("hooli.yaml", "id: hooli\nx12:\n  isa-id: HOOLI\nacknowledgments:\n  functional: \"997\"\n");
        write("pied.yaml", "id: pied\nx12:\n  isa-id: PIED\n");
        PartnerDirectory partners = PartnerDirectory.load(dir);
        assertThat(partners.byId("initech").orElseThrow().functionalAck()).isEqualTo(PartnerProfile.FunctionalAck.X999);
        assertThat(partners.byId("hooli").orElseThrow().functionalAck()).isEqualTo(PartnerProfile.FunctionalAck.X997);
        assertThat(partners.byId("pied").orElseThrow().functionalAck()).isEqualTo(PartnerProfile.FunctionalAck.X997);
        write("pied.yaml", "id: pied\nx12:\n  isa-id: PIED\nacknowledgments:\n  functional: 998\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("pied.yaml")
                .hasMessageContaining("acknowledgments.functional").hasMessageContaining("999");
    }

    @Test
    void groupIdsListTheApplicationSendersAPartnerMayUseAndWithoutThemAnyIsTaken() throws IOException {
        write("initech.yaml", "id: initech\nx12:\n  isa-qualifier: \"01\"\n  isa-id: \"123456789\"\n"
                + "  gs-id: INITECHPO\n  group-ids: [INITECHPO, INITECH-MRO]\n");
        write("hooli.yaml", "id: hooli\nx12:\n  isa-id: HOOLI\n  gs-id: HOOLIPO\n");
        PartnerDirectory partners = PartnerDirectory.load(dir);
        PartnerProfile initech = partners.byId("initech").orElseThrow();
        assertThat(initech.groupIds()).containsExactly("INITECHPO", "INITECH-MRO");
        assertThat(initech.isGroupSender("INITECH-MRO ")).isTrue();
        assertThat(initech.isGroupSender("123456789")).isFalse();
        PartnerProfile hooli = partners.byId("hooli").orElseThrow();
        assertThat(hooli.groupIds()).isEmpty();
        assertThat(hooli.isGroupSender("HOOLI-DIV-7")).isTrue();
    }

    @Test
    void modeIsProductionUnlessTheFileSaysTestAndNothingElseIsTaken() throws IOException {
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\nmode: test\n");
        write("hooli.yaml", "id: hooli\nx12:\n  isa-id: HOOLI\n");
        PartnerDirectory partners = PartnerDirectory.load(dir);
        assertThat(partners.byId("initech").orElseThrow().mode()).isEqualTo(PartnerProfile.Mode.TEST);
        assertThat(partners.byId("hooli").orElseThrow().mode()).isEqualTo(PartnerProfile.Mode.PRODUCTION);
        assertThat(PartnerProfile.Mode.TEST.usageIndicator()).isEqualTo("T");
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\nmode: staging\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).isInstanceOf(PartnerConfigurationException.class)
                .hasMessageContaining("initech.yaml").hasMessageContaining("mode");
    }

    @Test
    void groupIdsMustBeAListOfGsIdsEachOnce() throws IOException {
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\n  group-ids: [INITECHPO, X]\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).isInstanceOf(PartnerConfigurationException.class)
                .hasMessageContaining("initech.yaml").hasMessageContaining("x12.group-ids");
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\n  group-ids: [INITECHPO, INITECHPO]\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).isInstanceOf(PartnerConfigurationException.class)
                .hasMessageContaining("x12.group-ids");
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\n  group-ids: []\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).isInstanceOf(PartnerConfigurationException.class)
                .hasMessageContaining("x12.group-ids");
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
    void aPartnersOwnSftpServerIsReadAndAnIncompleteOneRefused() throws IOException {
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\nsftp:\n  directory: edi\n  server:\n"
                + "    host: sftp.initech.example\n    username: edihub\n    known-hosts-file: /etc/edi-hub/initech_known_hosts\n");
        PartnerProfile initech = PartnerDirectory.load(dir).byId("initech").orElseThrow();
        assertThat(initech.sftpServer()).isEqualTo(new PartnerProfile.SftpServer("sftp.initech.example", 22, "edihub",
                "/etc/edi-hub/initech_known_hosts", null));
        assertThat(initech.sftpDirectory()).isEqualTo("edi");
        assertThat(initech.passwordVariable()).isEqualTo("EDIHUB_PARTNER_SFTP_INITECH_PASSWORD");

        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\nsftp:\n  server:\n"
                + "    host: sftp.initech.example\n    username: edihub\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("sftp.server.known-hosts-file");
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\nsftp:\n  server:\n"
                + "    host: sftp.initech.example\n    port: 70000\n    username: edihub\n    known-hosts-file: kh\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("sftp.server.port")
                .hasMessageContaining("1-65535");
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

    @Test
    void aPartnersOwnFileSizeLimitIsAPositiveNumberOfBytes() throws Exception {
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\nsftp:\n  max-file-bytes: 52428800\n");
        write("pied.yaml", "id: pied\nx12:\n  isa-id: PIED\n");
        PartnerDirectory partners = PartnerDirectory.load(dir);
        assertThat(partners.byId("initech").orElseThrow().maxFileBytes()).isEqualTo(52_428_800L);
        assertThat(partners.byId("pied").orElseThrow().maxFileBytes()).isNull();

        write("pied.yaml", "id: pied\nx12:\n  isa-id: PIED\nsftp:\n  max-file-bytes: 0\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("pied.yaml")
                .hasMessageContaining("max-file-bytes");
    }

    @Test
    void aPartnerThatRenamesItsUploadsSaysSoAndAnyOtherWayIsRefusedByName() throws Exception {
        write("initech.yaml", "id: initech\nx12:\n  isa-id: INITECH\nsftp:\n  uploads: renamed\n");
        write("pied.yaml", "id: pied\nx12:\n  isa-id: PIED\n");
        PartnerDirectory partners = PartnerDirectory.load(dir);
        assertThat(partners.byId("initech").orElseThrow().uploads()).isEqualTo(PartnerProfile.Uploads.RENAMED);
        assertThat(partners.byId("pied").orElseThrow().uploads()).isEqualTo(PartnerProfile.Uploads.IN_PLACE);

        write("pied.yaml", "id: pied\nx12:\n  isa-id: PIED\nsftp:\n  uploads: atomically\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("pied.yaml")
                .hasMessageContaining("sftp.uploads").hasMessageContaining("atomically");
    }

    private static final String CONTRACT = """
            id: initech
            x12:
              isa-id: INITECH
            contract:
              number: C-1
              valid-from: 2026-01-01
              valid-to: 2026-12-31
              price-mismatch: CONTRACT_WINS
              prices:
                - part: P-1
                  unit-price: 10.00
                  valid-to: 2026-06-30
                  breaks:
                    - min-quantity: 100
                      unit-price: 9.00
                - part: P-1
                  unit-price: 11.00
                  valid-from: %s
            """;

    @Test
    void theDemoContractsLoadWithDateBoundedPricesAndBreaks() {
        PartnerProfile acme = PartnerDirectory.load(Path.of("config/partners")).byId("acme").orElseThrow();
        Contract c = acme.contract();
        assertThat(c.number()).isEqualTo("GSA-47QSWA-2026");
        assertThat(c.priceMismatch()).isEqualTo(Contract.PriceMismatch.CONTRACT_WINS);
        assertThat(c.paymentTerms().netDays()).isEqualTo(30);
        // a federal buyer: 30 days after the later of a proper invoice and acceptance (FAR 32.904)
        assertThat(c.paymentTerms().dueFrom()).isEqualTo(Contract.DueFrom.LATER_OF_INVOICE_AND_ACCEPTANCE);
        assertThat(c.unitPrice("EH-1001", null, LocalDate.of(2027, 1, 15), BigDecimal.ONE)).contains(new BigDecimal("42.50"));
        assertThat(c.unitPrice("EH-1001", null, LocalDate.of(2028, 7, 1), BigDecimal.ONE)).contains(new BigDecimal("44.00"));
        assertThat(c.unitPrice(null, "ACM-77813", LocalDate.of(2027, 1, 15), new BigDecimal("999")))
                .contains(new BigDecimal("118.00"));
        assertThat(c.unitPrice(null, "ACM-77813", LocalDate.of(2027, 1, 15), new BigDecimal("1000")))
                .contains(new BigDecimal("112.00"));
        assertThat(c.unitPrice("NOT-IN-CONTRACT", null, LocalDate.of(2027, 1, 15), BigDecimal.ONE)).isEmpty();
        assertThat(acme.poAcknowledgment()).isTrue();
        assertThat(acme.leadTime()).isEqualTo(Period.ofDays(30));
        assertThat(acme.priority()).isEqualTo(1);
        assertThat(acme.edifactId()).isEqualTo("ACMEFED");
        PartnerProfile globex = PartnerDirectory.load(Path.of("config/partners")).byId("globex").orElseThrow();
        assertThat(globex.contract().priceMismatch()).isEqualTo(Contract.PriceMismatch.HOLD);
        // no due-from: the terms run from the invoice date
        assertThat(globex.contract().paymentTerms().dueFrom()).isEqualTo(Contract.DueFrom.INVOICE);
    }

    @Test
    void aContractWithoutOverlapLoadsAndPricesByDeliveryDay() throws IOException {
        write("initech.yaml", CONTRACT.formatted("2026-07-01"));
        Contract c = PartnerDirectory.load(dir).byId("initech").orElseThrow().contract();
        assertThat(c.unitPrice("P-1", null, LocalDate.of(2026, 6, 30), BigDecimal.TEN)).contains(new BigDecimal("10.00"));
        assertThat(c.unitPrice("P-1", null, LocalDate.of(2026, 6, 30), new BigDecimal("100"))).contains(new BigDecimal("9.00"));
        assertThat(c.unitPrice("P-1", null, LocalDate.of(2026, 7, 1), new BigDecimal("100"))).contains(new BigDecimal("11.00"));
        assertThat(c.currency()).isEqualTo("USD");
    }

    @Test
    void overlappingPriceValidityIsRefusedNamingFileAndKey() throws IOException {
        write("initech.yaml", CONTRACT.formatted("2026-06-30"));
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("contract.prices[1]").hasMessageContaining("overlaps contract.prices[0]");
    }

    @Test
    void anUnknownContractKeyOrBadValueNamesTheKey() throws IOException {
        write("initech.yaml", CONTRACT.formatted("2026-07-01").replace("price-mismatch:", "price-missmatch:"));
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("contract.price-missmatch");
        write("initech.yaml", CONTRACT.formatted("2026-07-01").replace("CONTRACT_WINS", "SPLIT"));
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("contract.price-mismatch")
                .hasMessageContaining("HOLD");
        write("initech.yaml", CONTRACT.formatted("2026-07-01").replace("unit-price: 9.00", "unit-price: -9.00"));
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("contract.prices[0].breaks[0].unit-price");
        write("initech.yaml", CONTRACT.formatted("July 1st"));
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("contract.prices[1].valid-from")
                .hasMessageContaining("YYYY-MM-DD");
    }
}
