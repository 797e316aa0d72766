package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edihub.PartnerSftpClient;
import io.edihub.WholeHubTest;
import io.edihub.bench.InterchangeGenerator;
import io.edihub.canonical.Release;
import io.edihub.local.LocalSftpServer;
import io.edihub.order.OrderStore;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole hub on its embedded servers: a partner uploads X12 with a real SFTP client and finds the
 * 997 / TA1 in outbound/, the order and its releases land in PostgreSQL, and the input is archived, or
 * kept in error/ with its reason: a file over the size limit unread, and an empty one too.
 */
@WholeHubTest
class SftpIntakeIT {

    /** The shared hub's limit (@WholeHubTest): far above every sample, so a generated interchange can be over it. */
    private static final int MAX_DOCUMENT_BYTES = 1024 * 1024;
    private static final int MAX_INTERCHANGE_BYTES = 4 * 1024 * 1024;

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrderStore orders;
    @Autowired
    X12Intake intake;
    @Autowired
    CamelContext camel;

    PartnerSftpClient acme;

    @BeforeEach
    void connect() throws Exception {
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
    }

    @AfterEach
    void disconnect() {
        acme.close();
    }

    @Test
    void blanketOrderIsAcknowledgedStoredWithMonthlyReleasesAndArchived() throws Exception {
        // OrderPolicyIT sends the sample as it is to the same hub: here it has a PO and interchange number of its own
        String blanket = new String(sample("acme/blanket-12-month-schedule.edi"), java.nio.charset.StandardCharsets.US_ASCII)
                .replace("4500012345", "4500012351").replace("000000101", "000000151");
        acme.upload("po-blanket.edi", blanket.getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("archive")).anyMatch(n -> n.endsWith("-po-blanket.edi")));
        assertThat(acme.list("inbound")).isEmpty();
        String ack = acme.read("outbound/" + only(acme.list("outbound"), "-for-000000151.x12"));
        assertThat(ack).contains("AK1*PO*1001~", "AK2*850*0001~", "AK5*A~", "AK9*A*1*1*1~").doesNotContain("TA1");
        assertThat(acme.list("outbound")).noneMatch(n -> n.endsWith(".part"));

        List<Release> releases = orders.releases("acme", "4500012351");
        assertThat(releases).hasSize(12);
        assertThat(releases.get(0).releaseId()).isEqualTo("4500012351-01");
        assertThat(releases.get(11).releaseId()).isEqualTo("4500012351-12");
        assertThat(releases.get(2).lines()).extracting(Release.ReleaseLine::quantity).map(Object::toString)
                .containsExactly("100", "50");
        assertThat(jdbc.queryForObject("select count(*) from schedule_line_overview s join purchase_order o on o.id = s.order_id "
                + "where o.po_number = '4500012351'", Integer.class)).isEqualTo(24);
        assertThat(jdbc.queryForObject("select sha256 from inbound_document d join purchase_order o on o.document_id = d.id "
                + "where o.po_number = '4500012351'", String.class)).hasSize(64);

        // the 855 goes by the delivery route, once the 997 is written, and numbered after it
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("outbound"))
                .anyMatch(n -> n.startsWith("855-") && n.endsWith("-for-4500012351.x12")));
        Map<String, Object> answers = jdbc.queryForMap("select a.control_number as ack_control, a.written_at as ack_written, "
                + "p.control_number as po_control, p.written_at as po_written, p.written_by from outbound_document a "
                + "join outbound_document p on p.inbound_document_id = a.inbound_document_id and p.kind = '855' "
                + "where a.kind = '997' and a.file_name like '%-for-000000151.x12' and p.po_number = '4500012351'");
        assertThat(answers.get("written_by")).isEqualTo("DELIVERY");
        assertThat(Long.parseLong((String) answers.get("po_control"))).isGreaterThan(Long.parseLong((String) answers.get("ack_control")));
        assertThat((java.sql.Timestamp) answers.get("po_written")).isAfterOrEqualTo((java.sql.Timestamp) answers.get("ack_written"));
    }

    @Test
    void brokenUploadEndsInErrorWithItsReasonAndARejecting997() throws Exception {
        acme.upload("no-quantity.edi", sample("acme/broken/po1-without-quantity.edi"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error")).anyMatch(n -> n.endsWith("-no-quantity.edi")));
        String errorName = only(acme.list("error"), "-no-quantity.edi.error.txt");
        assertThat(acme.read("error/" + errorName)).contains("REJECTED", "PO102", "quantity ordered");
        String ack = acme.read("outbound/" + only(acme.list("outbound"), "-for-000000313.x12"));
        assertThat(ack).contains("AK3*PO1*10**8~", "AK4*2*330*1~", "AK5*R*5~", "AK9*R*1*1*0~");
        assertThat(orders.releases("acme", "4500013013")).isEmpty();
        assertThat(acme.list("inbound")).isEmpty();
    }

    @Test
    void aCreditAdjustmentOnAnInvoiceWeNeverSentIsRefusedWithTheReason() throws Exception {
        // an interchange number of its own: the golden sample's may have been sent to this hub already
        byte[] adjustment = new String(sample("acme/adjustments/damaged-and-short.812.edi"),
                java.nio.charset.StandardCharsets.US_ASCII).replace("000000601", "000000691")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        acme.upload("adjustment.edi", adjustment);

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error")).anyMatch(n -> n.endsWith("-adjustment.edi")));
        String errorName = only(acme.list("error"), "-adjustment.edi.error.txt");
        assertThat(acme.read("error/" + errorName)).contains("REJECTED", "invoice INV-2027-000042 is not one of ours",
                "UNKNOWN_INVOICE");
        String ack = acme.read("outbound/" + only(acme.list("outbound"), "-for-000000691.x12"));
        assertThat(ack).contains("AK1*CD*6001~", "AK2*812*0001~", "AK5*R", "AK9*R*1*1*0~");
        assertThat(jdbc.queryForObject("select count(*) from claim where source_ref = 'CM-2027-0117'", Integer.class)).isZero();
        assertThat(acme.list("inbound")).isEmpty();
    }

    @Test
    void aRemittanceNamingInvoicesWeNeverSentIsTakenAsUnappliedCash() throws Exception {
        // an interchange and trace number of its own: the golden sample's may have been sent to this hub already
        byte[] remittance = new String(sample("acme/remittances/ach-two-invoices.820.edi"),
                java.nio.charset.StandardCharsets.US_ASCII).replace("000000701", "000000791")
                .replace("PAY-2027-000311", "PAY-SFTP-000791").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        acme.upload("remittance.edi", remittance);

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("archive")).anyMatch(n -> n.endsWith("-remittance.edi")));
        String ack = acme.read("outbound/" + only(acme.list("outbound"), "-for-000000791.x12"));
        assertThat(ack).contains("AK1*RA*7001~", "AK2*820*0001~", "AK5*A~", "AK9*A*1*1*1~");
        assertThat(jdbc.queryForObject("select unapplied from payment where partner_id = 'acme' "
                + "and trace_number = 'PAY-SFTP-000791'", java.math.BigDecimal.class)).isEqualByComparingTo("2343.75");
        assertThat(jdbc.queryForList("select outcome from payment_line p join payment on payment.id = p.payment "
                + "where trace_number = 'PAY-SFTP-000791'", String.class)).containsOnly("UNKNOWN_INVOICE");
        assertThat(acme.list("inbound")).isEmpty();
    }

    @Test
    void aCreditAdjustmentFileOnAnInvoiceWeNeverSentIsRefusedWithTheReasonInItsAnswer() throws Exception {
        acme.upload("adjustment-unknown.json", sample("acme/adjustments/damaged-and-short.json"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-adjustment-unknown.json")));
        assertThat(acme.read("error/" + only(acme.list("error"), "-adjustment-unknown.json.error.txt")))
                .contains("REJECTED", "JSON adjustment", "Nothing of it was taken", "UNKNOWN_INVOICE");
        assertThat(acme.read("outbound/" + only(acme.list("outbound"), "-adjustment-unknown.json.response.json")))
                .contains("\"status\" : \"REJECTED\"", "UNKNOWN_INVOICE");
        assertThat(acme.list("inbound")).isEmpty();
    }

    @Test
    void sameInterchangeAgainIsReportedAsDuplicateAndNotProcessedTwice() throws Exception {
        byte[] content = sample("acme/several-orders-one-interchange.edi");
        acme.upload("first.edi", content);
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("archive")).anyMatch(n -> n.endsWith("-first.edi")));

        acme.upload("resent.edi", content);
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error")).anyMatch(n -> n.endsWith("-resent.edi")));
        assertThat(acme.read("error/" + only(acme.list("error"), "-resent.edi.error.txt")))
                .contains("000000103 was already received");
        assertThat(acme.read("outbound/" + only(acme.list("outbound"), "ta1-", "-for-000000103.x12")))
                .contains("TA1*000000103*261102*0930*R*025~");
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where po_number like '45000125%'", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void interchangeFromAnotherSenderIsRefusedAndTheHubKeepsWorking() throws Exception {
        acme.upload("not-mine.edi", sample("acme/broken/sender-not-channel-owner.edi"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error")).anyMatch(n -> n.endsWith("-not-mine.edi")));
        assertThat(acme.read("outbound/" + only(acme.list("outbound"), "-for-000000303.x12"))).contains("*R*006~");

        acme.upload("garbage.edi", sample("acme/broken/not-x12.edi"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error")).anyMatch(n -> n.endsWith("-garbage.edi.error.txt")));
        assertThat(acme.read("error/" + only(acme.list("error"), "-garbage.edi.error.txt")))
                // recognised by content: a CSV without the order columns, told which ones are missing
                .contains("(CSV, document").contains("required column order_date is missing");

        acme.upload("after.edi", sample("acme/standalone-no-schedule.edi"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("archive")).anyMatch(n -> n.endsWith("-after.edi")));
        assertThat(orders.releases("acme", "4500012400")).extracting(Release::releaseId)
                .containsExactly("4500012400-01", "4500012400-03");
    }

    @Test
    void everyBrokenSampleEndsInErrorWithAReasonAndAnAnswerAndNothingIsLost() throws Exception {
        List<Path> broken;
        try (var files = Files.list(Path.of("edi-samples/acme/broken"))) {
            broken = files.filter(p -> p.toString().endsWith(".edi")).sorted().toList();
        }
        for (Path file : broken) {
            // own interchange control numbers (3xx -> 93xx), so the other tests' uploads are no duplicates
            String text = Files.readString(file).replaceAll("(?<=\\*)0000003(\\d\\d)", "0000093$1");
            acme.upload("all-" + file.getFileName(), text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        // inbound/ empty and every file in error/, in one condition: a listing of inbound/ that comes back empty while
        // a file is still being moved (the embedded server has been seen to answer so under load) must not end the wait
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(acme.list("inbound")).isEmpty();
            List<String> moved = acme.list("error");
            for (Path file : broken) {
                String name = "all-" + file.getFileName();
                assertThat(moved).as("%s kept in error/", name).anyMatch(n -> n.endsWith("-" + name));
            }
        });
        List<String> error = acme.list("error");
        for (Path file : broken) {
            String name = "all-" + file.getFileName();
            String report = acme.read("error/" + only(error, "-" + name + ".error.txt"));
            assertThat(report).as("reason for %s", name).contains("from partner acme").containsAnyOf("REJECTED", "PARTIALLY");
            if (!report.contains("NOT_X12")) {
                assertThat(report).as("%s answered", name).contains(" sent to outbound/: ");
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from inbound_document where file_name like 'all-%'", Integer.class))
                .isEqualTo(broken.size());
    }

    @Test
    void aFileSeenAgainBeforeItWasMovedResumesInsteadOfRunningTwice() throws Exception {
        byte[] content = new String(sample("acme/release-against-blanket.edi"), java.nio.charset.StandardCharsets.US_ASCII)
                .replace("4500012345", "4500019999").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        IntakeOutcome first = intake.receive("acme", "crashed.edi", content);
        // the hub dies here: acknowledgments not written, file not moved; after the restart it is seen again
        IntakeOutcome again = intake.receive("acme", "crashed.edi", content);

        assertThat(again.resumed()).isTrue();
        assertThat(again.documentId()).isEqualTo(first.documentId());
        assertThat(again.outbound()).isEqualTo(first.outbound());
        assertThat(orders.releases("acme", "4500019999")).extracting(Release::releaseId).containsExactly("4500019999-0007");

        intake.complete(first.documentId());
        IntakeOutcome resent = intake.receive("acme", "crashed.edi", content);
        assertThat(resent.resumed()).isFalse();
        assertThat(resent.disposition()).isEqualTo(IntakeOutcome.Disposition.ERROR);
        assertThat(resent.report()).contains("DUPLICATE_INTERCHANGE");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnreadRecordedAndAlertedAndTheNextFileIsTaken() throws Exception {
        byte[] big = new InterchangeGenerator(InterchangeGenerator.setsForSize(MAX_INTERCHANGE_BYTES + 100_000L), 7001).bytes();
        assertThat(big.length).isGreaterThan(MAX_INTERCHANGE_BYTES);
        // what the consumer hands on: the remote file's stream, not read yet (no stream cache read it whole before)
        List<Object> handedOn = new CopyOnWriteArrayList<>();
        EventNotifierSupport intake = new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                Exchange exchange = ((CamelEvent.ExchangeSendingEvent) event).getExchange();
                if ("too-big.edi".equals(exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY))) {
                    Object body = exchange.getMessage().getBody();
                    handedOn.add(body instanceof GenericFile<?> file ? file.getBody() : body);
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeSendingEvent sending
                        && sending.getEndpoint().getEndpointUri().startsWith("direct://receivePartnerFile");
            }
        };
        camel.getManagementStrategy().addEventNotifier(intake);
        try {
            acme.upload("too-big.edi", big);
            await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error")).anyMatch(n -> n.endsWith("-too-big.edi")));
        } finally {
            camel.getManagementStrategy().removeEventNotifier(intake);
        }
        assertThat(handedOn).singleElement().isInstanceOf(InputStream.class).isNotInstanceOf(StreamCache.class);
        String report = acme.read("error/" + only(acme.list("error"), "-too-big.edi.error.txt"));
        assertThat(report).contains("too-big.edi from partner acme: REJECTED",
                "The file is " + big.length + " bytes", "over the hub's limit of " + MAX_INTERCHANGE_BYTES + " bytes",
                "EDIHUB_MAX_INTERCHANGE_BYTES (edihub.intake.max-interchange-bytes)", "It was not read");
        // kept in error/ as it came: not lost, not truncated
        String kept = acme.list("error").stream().filter(n -> n.endsWith("-too-big.edi")).findFirst().orElseThrow();
        assertThat(acme.size("error/" + kept)).isEqualTo(big.length);
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("inbound")).isEmpty());

        Map<String, Object> record = jdbc.queryForMap("select id, outcome, size_bytes, content, sha256, error_report "
                + "from inbound_document where partner_id = 'acme' and file_name = 'too-big.edi'");
        assertThat(record).containsEntry("outcome", "REJECTED").containsEntry("size_bytes", (long) big.length)
                .containsEntry("content", null).containsEntry("sha256", null).containsEntry("error_report", report);
        assertThat(jdbc.queryForObject("select count(*) from alert where kind = 'INPUT_TOO_LARGE' and partner_id = 'acme' "
                + "and subject = 'too-big.edi' and closed_at is null and detail like '%EDIHUB_MAX_INTERCHANGE_BYTES%'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbound_document where inbound_document_id = ?",
                Integer.class, record.get("id"))).isZero();

        acme.upload("after-too-big.edi", InterchangeGenerator.onAcmeContract(1, 7002).bytes());
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("archive")).anyMatch(n -> n.endsWith("-after-too-big.edi")));
        assertThat(acme.read("outbound/" + only(acme.list("outbound"), "-for-000007002.x12"))).contains("AK9*A*1*1*1~");
    }

    @Test
    void anInterchangeOverTheDocumentLimitIsStreamedAndStoredAsItCameAndAJsonDocumentThatLargeIsRefused() throws Exception {
        // X12 is spooled and read as a stream: the document limit (for what is read whole) does not apply to it
        byte[] interchange = InterchangeGenerator.onAcmeContract(InterchangeGenerator.setsForSize(MAX_DOCUMENT_BYTES * 11L / 10),
                7003).numberedFrom(730_001).bytes();
        assertThat(interchange.length).isGreaterThan(MAX_DOCUMENT_BYTES).isLessThan(MAX_INTERCHANGE_BYTES);
        acme.upload("streamed.edi", interchange);
        // some 430 orders with their releases and 855s: longer than a small file on a shared 2-core machine
        await().atMost(Duration.ofMinutes(4)).untilAsserted(() -> assertThat(acme.list("archive"))
                .anyMatch(n -> n.endsWith("-streamed.edi")));
        Map<String, Object> stored = jdbc.queryForMap("select size_bytes, sha256, content from inbound_document "
                + "where partner_id = 'acme' and file_name = 'streamed.edi'");
        assertThat(stored.get("size_bytes")).isEqualTo((long) interchange.length);
        assertThat(stored.get("sha256")).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(interchange)));
        assertThat((byte[]) stored.get("content")).isEqualTo(interchange);
        assertThat(acme.read("outbound/" + only(acme.list("outbound"), "-for-000007003.x12"))).contains("AK9*A*");

        // a JSON document is read whole: over the document limit it is refused unread, naming that limit
        byte[] json = ("[" + "{\"poNumber\":\"X\"},".repeat(MAX_DOCUMENT_BYTES / 16) + "{}]")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        acme.upload("big-orders.json", json);
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-big-orders.json.error.txt")));
        assertThat(acme.read("error/" + only(acme.list("error"), "-big-orders.json.error.txt"))).contains(
                "over the hub's limit of " + MAX_DOCUMENT_BYTES + " bytes",
                "EDIHUB_MAX_DOCUMENT_BYTES (edihub.intake.max-document-bytes)", "It was not read");
    }

    @Test
    void anEmptyFileAndOneOfOnlyWhitespaceAreAnsweredWithAReportSayingSo() throws Exception {
        acme.upload("empty.edi", new byte[0]);
        acme.upload("blank.edi", " \r\n\t\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-empty.edi.error.txt")).anyMatch(n -> n.endsWith("-blank.edi.error.txt")));
        assertThat(acme.read("error/" + only(acme.list("error"), "-empty.edi.error.txt")))
                .contains("empty.edi from partner acme: REJECTED", "the file is empty (0 bytes)", "[EMPTY]");
        assertThat(acme.read("error/" + only(acme.list("error"), "-blank.edi.error.txt")))
                .contains("blank.edi from partner acme: REJECTED",
                        "the file holds only whitespace (5 bytes of spaces, tabs or line ends)", "[EMPTY]");
        // the sender's answer in outbound/ says the same
        assertThat(acme.read("outbound/" + only(acme.list("outbound"), "-empty.edi.response.json")))
                .contains("\"status\" : \"REJECTED\"", "\"code\" : \"EMPTY\"", "is empty (0 bytes)");
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("inbound")).isEmpty());
        assertThat(jdbc.queryForList("select outcome || ' ' || size_bytes from inbound_document where partner_id = 'acme' "
                + "and file_name in ('empty.edi', 'blank.edi') order by file_name desc", String.class))
                .containsExactly("REJECTED 0", "REJECTED 5");
    }

    @Test
    void anEbcdicOrderIn80ByteRecordsIsStoredAsSentAndAnsweredInAscii() throws Exception {
        byte[] ebcdic = sample("acme/ebcdic/blanket-cp037-80-byte-records.edi");
        acme.upload("mainframe.edi", ebcdic);

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("archive")).anyMatch(n -> n.endsWith("-mainframe.edi")));
        String ack = acme.read("outbound/" + only(acme.list("outbound"), "-for-000000921.x12"));
        assertThat(ack).startsWith("ISA*").contains("AK1*PO*1921~", "AK2*850*0001~", "AK5*A~", "AK9*A*1*1*1~");
        assertThat(orders.releases("acme", "4500019201")).hasSize(12);
        // the raw file is kept as the partner sent it, in EBCDIC
        assertThat(jdbc.queryForObject("select size_bytes from inbound_document where partner_id = 'acme' "
                + "and file_name = 'mainframe.edi'", Long.class)).isEqualTo((long) ebcdic.length);
        assertThat(acme.list("inbound")).isEmpty();
    }

    @Test
    void ebcdicThatIsNoX12AndUtf16AreRefusedWithAReasonInPlainWords() throws Exception {
        acme.upload("mainframe.edifact", "UNB+UNOA:1+ACMEFED:ZZ+EDIHUB:ZZ+261102:0930+1'"
                .getBytes(java.nio.charset.Charset.forName("IBM037")));
        acme.upload("orders-utf16.csv", "\uFEFFpo_number,line,quantity\n4500019301,1,5\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-mainframe.edifact.error.txt")).anyMatch(n -> n.endsWith("-orders-utf16.csv.error.txt")));
        String ebcdicReport = acme.read("error/" + only(acme.list("error"), "-mainframe.edifact.error.txt"));
        assertThat(ebcdicReport).contains("REJECTED", "the file looks like EBCDIC (IBM cp037/cp500)", "E4 D5 C2 4E");
        String utf16Report = acme.read("error/" + only(acme.list("error"), "-orders-utf16.csv.error.txt"));
        assertThat(utf16Report).contains("REJECTED", "the file is UTF-16 text (little-endian, with a byte order mark)",
                "FF FE 70 00");
        assertThat(ebcdicReport + utf16Report).as("no garbled characters").matches("[\\x20-\\x7E\\n]*");
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("inbound")).isEmpty());
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of("edi-samples", name));
    }

    private static String only(List<String> names, String... parts) {
        List<String> matching = names.stream().filter(n -> {
            for (String p : parts) {
                if (!n.contains(p)) {
                    return false;
                }
            }
            return true;
        }).toList();
        assertThat(matching).as("files matching %s in %s", List.of(parts), names).hasSize(1);
        return matching.get(0);
    }
}
