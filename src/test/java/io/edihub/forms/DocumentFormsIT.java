package io.edihub.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.EmbeddedHubProperties;
import io.edihub.KafkaTestClient;
import io.edihub.PartnerSftpClient;
import io.edihub.TestClock;
import io.edihub.billing.Acceptance861Samples;
import io.edihub.canonical.CanonicalJson;
import io.edihub.document.BusinessDocumentsJson;
import io.edihub.document.PublishedSchema;
import io.edihub.local.LocalSftpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A partner whose file asks for its order acknowledgments and invoices as EDIFACT and its ship notices as JSON
 * ({@code documents:}), on the whole hub over SFTP with its real broker and PostgreSQL: it orders in X12 as ever, and
 * where it got an 855, an 856 and an 810 it finds an ORDRSP, a JSON ship notice and an INVOIC in its outbound folder,
 * each read back (StAEDI's EDIFACT reader and the D96A segment tables; the published JSON Schema); the invoice event
 * still goes to Kafka. The hub's own, for the partner file differs from the shipped acme.yaml.
 *
 * <p>Interchange control numbers 000009301 and 000009302 and PO DF-9301 are this class's own.
 */
@DirtiesContext
@SpringBootTest
@Import(TestClock.InHub.class)
class DocumentFormsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PO = "DF-9301";
    private static final String RELEASE = PO + "-01";
    private static final String INVOICES = "edihub.invoices.v1";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        EmbeddedHubProperties.register(registry);
        registry.add("edihub.partners-dir", () -> partnersWithAcmeTakingEdifact().toString());
        registry.add("edihub.outbox.poll-delay", () -> "100");
        registry.add("edihub.releases.check-every", () -> "200");
    }

    /** acme.yaml as shipped, plus the forms it takes; globex as shipped. */
    private static Path partnersWithAcmeTakingEdifact() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "it-data", "partners-" + UUID.randomUUID()));
            String acme = Files.readString(Path.of("config/partners/acme.yaml"));
            assertThat(acme).contains("\nedifact:\n  id: ACMEFED\n").doesNotContain("\ndocuments:");
            Files.writeString(dir.resolve("acme.yaml"), acme + "documents:\n  acknowledgment: edifact\n"
                    + "  ship-notice: json\n  invoice: edifact\n");
            Files.copy(Path.of("config/partners/globex.yaml"), dir.resolve("globex.yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Value("${edihub.kafka.brokers}")
    String brokers;

    PartnerSftpClient acme;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() throws Exception {
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        kafka = new KafkaTestClient(brokers, List.of(INVOICES));
    }

    @AfterEach
    void disconnect() {
        acme.close();
        kafka.close();
    }

    @Test
    void anX12OrderIsAnsweredWithAnOrdrspShippedWithJsonAndInvoicedWithAnInvoic() throws Exception {
        acme.upload("df-9301.edi", order850(PO, "000009301").getBytes(StandardCharsets.US_ASCII));

        // the ORDRSP where an 855 used to be; the 997 is X12 as ever
        String ordrspName = await().atMost(WAIT).until(() -> named("ordrsp-", "-for-" + PO + ".edi"),
                java.util.Objects::nonNull);
        assertThat(acme.list("outbound")).noneMatch(n -> n.startsWith("855-"))
                .anyMatch(n -> n.startsWith("997-") && n.endsWith("-for-000009301.x12"));
        EdifactReadBack ordrsp = EdifactReadBack.read(acme.read("outbound/" + ordrspName));
        assertThat(ordrsp.problems()).isEmpty();
        assertThat(ordrsp.first("UNB")).startsWith("UNB+UNOC:3+EDIHUB:ZZZ+ACMEFED+");
        // accepted with the contract's price (42.50, not the ordered 43.00): with amendment
        assertThat(ordrsp.first("BGM")).isEqualTo("BGM+231+" + PO + "+30");
        assertThat(ordrsp.all("LIN")).containsExactly("LIN+1+6");
        assertThat(ordrsp.all("PRI")).containsExactly("PRI+AAA:42.5");
        assertThat(ordrsp.all("QTY")).containsExactly("QTY+21:300:EA", "QTY+113:100:EA", "QTY+113:100:EA",
                "QTY+113:100:EA");
        assertThat(kind(ordrspName)).isEqualTo("ORDRSP");

        // month 1 is requested and shipped: a JSON ship notice, no 856
        clock.setDay(LocalDate.of(2026, 12, 16));
        await().atMost(WAIT).until(() -> "DISPATCHED".equals(status()));
        clock.advance(Duration.ofHours(2));
        kafka.send("edihub.shipments.v1", RELEASE, """
                {"shipmentId": "DF-SHP-9301", "partnerId": "acme", "releaseId": "%s", "shipDate": "2027-01-10",
                 "carrier": "UPSN", "trackingNumber": "1Z999AA10123459301",
                 "lines": [{"lineNumber": "1", "quantity": 100, "unit": "EA"}]}
                """.formatted(RELEASE));
        await().atMost(WAIT).until(() -> acme.list("outbound").contains("ship-notice-DF-SHP-9301.json"));
        assertThat(acme.list("outbound")).noneMatch(n -> n.startsWith("856-"));
        String shipNotice = acme.read("outbound/ship-notice-DF-SHP-9301.json");
        JsonNode notice = CanonicalJson.MAPPER.readTree(shipNotice);
        assertThat(PublishedSchema.load(BusinessDocumentsJson.SHIP_NOTICE_SCHEMA_RESOURCE, new PublishedSchema.Wording(
                "a ship notice, a JSON object", Map.of(), Map.of(), Map.of())).validate(notice, "")).isEmpty();
        assertThat(notice.path("releaseId").asText()).isEqualTo(RELEASE);
        assertThat(notice.path("lines").get(0).path("shipped").decimalValue()).isEqualByComparingTo("100");
        assertThat(notice.path("lines").get(0).path("vendorPart").asText()).isEqualTo("EH-1001");

        // acme accepts 80 of them: an INVOIC where the 810 used to be, and the invoice event on Kafka as ever
        clock.setDay(LocalDate.of(2027, 1, 20));
        acme.upload("df-9301-acc.edi", Acceptance861Samples.partial(PO, RELEASE, "DF-ACC-9301", "000009302")
                .getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> kafka.on(INVOICES).size() == 1);
        String invoiceNumber = kafka.on(INVOICES).get(0).key();
        String invoicName = await().atMost(WAIT).until(() -> named("invoic-", "-" + invoiceNumber + ".edi"),
                java.util.Objects::nonNull);
        assertThat(acme.list("outbound")).noneMatch(n -> n.startsWith("810-"));
        EdifactReadBack invoic = EdifactReadBack.read(acme.read("outbound/" + invoicName));
        assertThat(invoic.problems()).isEmpty();
        assertThat(invoic.first("BGM")).isEqualTo("BGM+380+" + invoiceNumber + "+9");
        assertThat(invoic.all("RFF")).contains("RFF+ON:" + PO, "RFF+AAN:" + RELEASE, "RFF+CT:GSA-47QSWA-2026");
        assertThat(invoic.all("NAD")).containsExactly("NAD+SU+V-0042-EDIHUB::92");
        assertThat(invoic.all("QTY")).containsExactly("QTY+47:80:EA");
        assertThat(invoic.all("PRI")).containsExactly("PRI+AAA:42.5:CT");
        // 80 x 42.50; 2 % of it until 2027-01-30, net 2027-02-19
        assertThat(invoic.all("MOA")).containsExactly("MOA+52:68.00", "MOA+203:3400.00", "MOA+79:3400.00",
                "MOA+77:3400.00");
        assertThat(invoic.all("DTM")).contains("DTM+13:20270219:102", "DTM+12:20270130:102");
        assertThat(kind(invoicName)).isEqualTo("INVOIC");
    }

    private String named(String prefix, String suffix) throws Exception {
        return acme.list("outbound").stream().filter(n -> n.startsWith(prefix) && n.endsWith(suffix)).findFirst()
                .orElse(null);
    }

    private String kind(String fileName) {
        return jdbc.queryForObject("select kind from outbound_document where partner_id = 'acme' and file_name = ?",
                String.class, fileName);
    }

    private String status() {
        return jdbc.queryForObject("select status from order_release where partner_id = 'acme' and release_id = ?",
                String.class, RELEASE);
    }

    /** An acme 850: 300 tablets at 43.00 (the contract says 42.50), 100 due on the 15th of Jan, Feb, Mar 2027. */
    private static String order850(String po, String isa13) {
        return String.join("~\n",
                "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *261120*0800*U*00401*" + isa13 + "*0*P*>",
                "GS*PO*ACMEFED*EDIHUB*20261120*0800*" + Integer.parseInt(isa13) + "*X*004010",
                "ST*850*0001",
                "BEG*00*BK*" + po + "**20261120*GSA-47QSWA-2026",
                "CUR*BY*USD",
                "N1*ST*ACME DEPOT 12*92*DEPOT12",
                "PO1*1*300*EA*43.00*PE*BP*ACM-77812*VP*EH-1001",
                "PID*F****RUGGED TABLET 10 INCH",
                "SCH*100*EA***002*20270115",
                "SCH*100*EA***002*20270215",
                "SCH*100*EA***002*20270315",
                "CTT*1",
                "SE*11*0001",
                "GE*1*" + Integer.parseInt(isa13),
                "IEA*1*" + isa13) + "~\n";
    }
}
