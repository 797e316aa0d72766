package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edihub.EmbeddedHubProperties;
import io.edihub.KafkaTestClient;
import io.edihub.PartnerSftpClient;
import io.edihub.local.LocalSftpServer;
import io.edihub.order.OrderStore;
import io.edihub.outbound.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Test and production mode on the whole hub: globex is in test mode here, acme in production. globex's test 850
 * (ISA15 T) is answered with an accepting 997 that is a test itself, its document kept and marked as a test, and
 * nothing of it taken: no order, and nothing on a business topic once the outbox publisher ran. globex's production
 * file, and acme's test file, are refused whole with a TA1 020 and the reason in the error report; acme's test
 * EDIFACT interchange (UNB 0035 = 1) with a CONTRL that rejects it.
 */
// a hub of its own: globex's profile is in test mode
@DirtiesContext
@SpringBootTest
class TestModeIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        EmbeddedHubProperties.register(registry);
        registry.add("edihub.partners-dir", () -> partnersWithGlobexInTestMode().toString());
        registry.add("edihub.sftp.poll-delay", () -> "200");
        registry.add("edihub.outbox.poll-delay", () -> "100");
        registry.add("edihub.releases.check-every", () -> "200");
    }

    private static Path partnersWithGlobexInTestMode() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "it-data", "partners-" + UUID.randomUUID()));
            Files.copy(Path.of("config/partners/acme.yaml"), dir.resolve("acme.yaml"));
            Files.writeString(dir.resolve("globex.yaml"), Files.readString(Path.of("config/partners/globex.yaml"))
                    + "\nmode: test\n");
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
    OrderStore orders;
    @Autowired
    Topics topics;
    @Value("${edihub.kafka.brokers}")
    String brokers;

    PartnerSftpClient acme;
    PartnerSftpClient globex;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() throws Exception {
        kafka = new KafkaTestClient(brokers, List.of(topics.releaseRequests(), topics.invoices(), topics.claims(),
                topics.creditNotes(), topics.returnAuthorizations(), topics.payments(), topics.returns()));
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        globex = new PartnerSftpClient(sftpServer.connectionFor("globex"));
    }

    @AfterEach
    void disconnect() {
        acme.close();
        globex.close();
        kafka.close();
    }

    @Test
    void aTestPartnersTestOrderIsCheckedAndAcknowledgedButNeverTakenAndTheWrongKindIsRefused() throws Exception {
        globex.upload("test-order.edi", globexOrder("GX-88871", "000000871", "T"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(globex.list("archive")).anyMatch(n -> n.endsWith("-test-order.edi")));
        String ack = globex.read("outbound/" + only(globex.list("outbound"), "-for-000000871.x12"));
        assertThat(ack).as("the answer to a test is a test too").contains("*000000871*", "AK9*A*1*1*1~")
                .containsPattern("\\*[0-9]{9}\\*0\\*T\\*>~");
        assertThat(globex.list("outbound")).as("no 855 for an order never taken").noneMatch(n -> n.startsWith("855-"));
        assertThat(jdbc.queryForObject("select count(*) from outbound_document where po_number = 'GX-88871'", Integer.class))
                .as("nor one stored for the delivery route").isZero();
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where po_number = 'GX-88871'", Integer.class))
                .isZero();
        assertThat(orders.releases("globex", "GX-88871")).isEmpty();
        assertThat(jdbc.queryForMap("select outcome, error_report from inbound_document where partner_id = 'globex' "
                + "and file_name = 'test-order.edi'"))
                .containsEntry("outcome", "ACCEPTED_AS_TEST")
                .hasEntrySatisfying("error_report", report -> assertThat((String) report)
                        .contains("ACCEPTED AS TEST", "PO GX-88871 (850): checked, not taken (test interchange)"));

        // the test partner's production file, and the production partner's test file: refused whole, with the reason
        globex.upload("real-order.edi", globexOrder("GX-88872", "000000872", "P"));
        acme.upload("acme-test-order.edi", new String(sample("acme/standalone-no-schedule.edi"), StandardCharsets.US_ASCII)
                .replace("*000000102*0*P*>~", "*000000873*0*T*>~").replace("4500012400", "4500012873")
                .replace("IEA*1*000000102~", "IEA*1*000000873~").getBytes(StandardCharsets.US_ASCII));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(globex.list("error")).anyMatch(n -> n.endsWith("-real-order.edi.error.txt"));
            assertThat(acme.list("error")).anyMatch(n -> n.endsWith("-acme-test-order.edi.error.txt"));
        });
        assertThat(globex.read("error/" + only(globex.list("error"), "-real-order.edi.error.txt")))
                .contains("REJECTED", "WRONG_USAGE_INDICATOR", "ISA15 'P' marks a production interchange",
                        "partner 'globex' is in test mode");
        assertThat(globex.read("outbound/" + only(globex.list("outbound"), "-for-000000872.x12"))).contains("*R*020~");
        assertThat(acme.read("error/" + only(acme.list("error"), "-acme-test-order.edi.error.txt")))
                .contains("REJECTED", "WRONG_USAGE_INDICATOR", "ISA15 'T' marks a test interchange",
                        "partner 'acme' is in production mode");
        String ta1 = acme.read("outbound/" + only(acme.list("outbound"), "-for-000000873.x12"));
        assertThat(ta1).contains("*R*020~").doesNotContain("AK9*A");
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where po_number in ('GX-88872', '4500012873')",
                Integer.class)).isZero();

        // EDIFACT by its UNB test indicator (0035 = 1): acme's test ORDERS is rejected by its CONTRL, with the reason
        acme.upload("acme-test.orders.edifact", new String(sample("acme/formats/blanket-12-month-schedule.orders.edifact"),
                StandardCharsets.UTF_8).replace("+261102:0930+101'", "+261102:0930+874++++++1'")
                .replace("4500012345", "4500012874").replace("UNZ+1+101'", "UNZ+1+874'").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-acme-test.orders.edifact.error.txt")));
        assertThat(acme.read("error/" + only(acme.list("error"), "-acme-test.orders.edifact.error.txt")))
                .contains("REJECTED", "WRONG_TEST_INDICATOR", "marked as a test (UNB 0035 = 1)",
                        "partner acme is in production mode");
        assertThat(acme.read("outbound/" + only(acme.list("outbound"), "-for-874.edifact"))).contains("UCI+874+", "+4+14+");
        assertThat(orders.releases("acme", "4500012874")).isEmpty();

        // a test partner's remittance (JSON, no test indicator): checked, never taken
        globex.upload("test-payment.json", sample("acme/remittances/ach-two-invoices.json"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(globex.list("error"))
                .anyMatch(n -> n.endsWith("-test-payment.json.error.txt")));
        assertThat(globex.read("error/" + only(globex.list("error"), "-test-payment.json.error.txt")))
                .contains("TEST_MODE", "partner globex is in test mode", "nothing of it was taken");

        // the outbox publisher ran over everything the five files left, and no business topic heard of them
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from outbox_message where sent_at is null",
                Integer.class) == 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> kafka.poll().isEmpty());
    }

    private static byte[] globexOrder(String poNumber, String isa13, String usage) throws IOException {
        return new String(sample("globex/blanket-year-month.edi"), StandardCharsets.US_ASCII)
                .replace("GX-88001", poNumber)
                .replace("*000000201*1*P*>~", "*" + isa13 + "*1*" + usage + "*>~")
                .replace("IEA*1*000000201~", "IEA*1*" + isa13 + "~")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(Path.of("edi-samples", name));
    }

    private static String only(List<String> names, String part) {
        List<String> matching = names.stream().filter(n -> n.contains(part)).toList();
        assertThat(matching).as("one file named *%s* in %s", part, names).hasSize(1);
        return matching.get(0);
    }
}
