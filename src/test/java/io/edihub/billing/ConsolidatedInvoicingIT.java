package io.edihub.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.EmbeddedHubProperties;
import io.edihub.HubHttp;
import io.edihub.KafkaTestClient;
import io.edihub.PartnerSftpClient;
import io.edihub.TestClock;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.Invoice;
import io.edihub.local.LocalSftpServer;
import io.edihub.ops.Watchdog;
import io.edihub.x12.AcknowledgmentValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Monthly consolidation on the whole hub with its real broker, SFTP server and PostgreSQL, and a clock the test moves:
 * acme, invoiced monthly per PO on the 5th (src/test/resources/partners-monthly/invoicing.yaml), accepts three releases
 * of one PO in March 2027. Each acceptance is taken and claimed as always but not invoiced; on April 5th the hub's own
 * scheduled job makes exactly one invoice listing the three releases at the contract's price and terms, its 810 in
 * acme's outbound folder and its event on edihub.invoices.v1 (the watchdog does not call the waiting goods overdue).
 * Run again, the job makes none; the database refuses an acceptance billed twice, a second invoice of the month and a
 * unit invoiced twice. A dispute of two releases' lines is refused, one of a line credited on its own release's PO
 * line, and the payment of the rest closes the releases it settles. The PO's fourth release, accepted in April, goes
 * on April's invoice, issued on May 5th.
 */
// a hub of its own: acme's partner file says monthly, and the consolidation job runs every 200 ms
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.InHub.class)
class ConsolidatedInvoicingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String INVOICES = "edihub.invoices.v1";
    private static final String CLAIMS = "edihub.claims.v1";
    private static final String SHIPMENTS = "edihub.shipments.v1";
    private static final String PO = "CI-3001";

    @DynamicPropertySource
    static void embeddedServers(DynamicPropertyRegistry registry) {
        EmbeddedHubProperties.register(registry);
        Path partners = partnersInvoicedMonthly();
        registry.add("edihub.partners-dir", partners::toString);
        registry.add("edihub.releases.check-every", () -> "200");
        registry.add("edihub.billing.consolidation-check-every", () -> "200");
        registry.add("edihub.outbox.poll-delay", () -> "100");
        registry.add("edihub.http.clients.acme", () -> "acme-secret");
        registry.add("edihub.http.operators.olivia", () -> "olivia-secret");
    }

    /** The demo partners, acme invoiced monthly per PO on the 5th. */
    private static Path partnersInvoicedMonthly() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "it-data", "partners-" + UUID.randomUUID()));
            Files.writeString(dir.resolve("acme.yaml"), Files.readString(Path.of("config/partners/acme.yaml")) + "\n"
                    + Files.readString(Path.of("src/test/resources/partners-monthly/invoicing.yaml")));
            Files.copy(Path.of("config/partners/globex.yaml"), dir.resolve("globex.yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MonthlyInvoicing monthlyInvoicing;
    @Autowired
    Watchdog watchdog;
    @Value("${edihub.kafka.brokers}")
    String brokers;

    HubHttp hub;
    PartnerSftpClient acme;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() throws Exception {
        hub = new HubHttp(port);
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        kafka = new KafkaTestClient(brokers, List.of(INVOICES, CLAIMS));
    }

    @AfterEach
    void disconnect() {
        acme.close();
        kafka.close();
    }

    @Test
    void threeAcceptancesOfAMonthAreInvoicedOnceOnTheIssueDayOnOneInvoiceAtContractPrices() throws Exception {
        // four monthly releases of one PO at the PO's 43.00 (acme's contract says 42.50)
        assertThat(hub.postJson("/api/v1/orders", "acme", "acme-secret", order()).statusCode()).isEqualTo(201);
        await().atMost(WAIT).until(() -> status(PO + "-04") != null);

        // February 14th: January to March are within acme's 30 days of lead time, and are shipped in full
        clock.setDay(LocalDate.of(2027, 2, 14));
        for (String month : List.of("01", "02", "03")) {
            await().atMost(WAIT).until(() -> "DISPATCHED".equals(status(PO + "-" + month)));
            kafka.send(SHIPMENTS, PO + "-" + month, shipment("CI-SHP-" + month, PO + "-" + month, "2027-02-14"));
            await().atMost(WAIT).until(() -> "SHIPPED".equals(status(PO + "-" + month)));
        }
        // March 17th: April comes due and is shipped too
        clock.setDay(LocalDate.of(2027, 3, 17));
        await().atMost(WAIT).until(() -> "DISPATCHED".equals(status(PO + "-04")));
        kafka.send(SHIPMENTS, PO + "-04", shipment("CI-SHP-04", PO + "-04", "2027-03-17"));
        await().atMost(WAIT).until(() -> "SHIPPED".equals(status(PO + "-04")));

        // March: three acceptances, one returning 10 damaged; each taken, none invoiced, the return claimed
        clock.setDay(LocalDate.of(2027, 3, 20));
        JsonNode first = accept("CI-ACC-1", PO + "-01", "2027-03-02", 100, 0);
        assertThat(first.path("result").asText()).isEqualTo("TO_BE_INVOICED");
        assertThat(first.path("invoiceNumber").isMissingNode() || first.path("invoiceNumber").isNull()).isTrue();
        assertThat(first.path("message").asText()).contains("consolidated invoice of PO " + PO + " for 2027-03")
                .contains("issued on 2027-04-05");
        assertThat(accept("CI-ACC-2", PO + "-02", "2027-03-09", 90, 10).path("result").asText()).isEqualTo("TO_BE_INVOICED");
        assertThat(accept("CI-ACC-3", PO + "-03", "2027-03-20", 100, 0).path("result").asText()).isEqualTo("TO_BE_INVOICED");
        await().atMost(WAIT).until(() -> kafka.on(CLAIMS).stream().anyMatch(c -> c.key().equals(PO + "-02")));
        assertThat(List.of(status(PO + "-01"), status(PO + "-02"), status(PO + "-03"))).containsOnly("ACCEPTED");
        assertThat(invoicedOnRelease(PO + "-01")).isEqualByComparingTo("0");
        assertThat(invoices()).isZero();
        // waiting for the month's invoice is not overdue: the watchdog counts from the issue day
        clock.advance(Duration.ofHours(5));
        watchdog.check();
        assertThat(jdbc.queryForObject("select count(*) from alert where kind = 'NOT_INVOICED' and subject like ?",
                Integer.class, PO + "-%")).isZero();

        // April 4th: not yet the issue day
        clock.setDay(LocalDate.of(2027, 4, 4));
        assertThat(monthlyInvoicing.issueDue()).isEmpty();
        assertThat(invoices()).isZero();

        // April 5th: the hub's job issues March's invoice of the PO, once
        clock.setDay(LocalDate.of(2027, 4, 5));
        await().atMost(WAIT).until(() -> kafka.on(INVOICES).size() == 1);
        KafkaTestClient.Received event = kafka.on(INVOICES).get(0);
        JsonNode invoice = Schemas.valid("invoice.v1", event.value());
        String number = invoice.path("invoiceNumber").asText();
        assertThat(event.key()).isEqualTo(number).startsWith("EDH-");
        assertThat(event.headers()).containsEntry("ce_id", "invoice:" + number)
                .containsEntry("ce_type", "io.edihub.invoice.v1");
        assertThat(invoice.has("acceptanceId")).isFalse();
        assertThat(invoice.has("releaseId")).isFalse();
        assertThat(invoice.path("poNumber").asText()).isEqualTo(PO);
        assertThat(invoice.path("contractNumber").asText()).isEqualTo("GSA-47QSWA-2026");
        assertThat(invoice.path("supplierNumber").asText()).isEqualTo("V-0042-EDIHUB");
        assertThat(invoice.path("consolidated").path("per").asText()).isEqualTo("PO");
        assertThat(invoice.path("consolidated").path("month").asText()).isEqualTo("2027-03");
        assertThat(invoice.path("consolidated").path("acceptances")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("CI-ACC-1", "CI-ACC-2", "CI-ACC-3");
        assertThat(invoice.path("lines")).extracting(l -> l.path("lineNumber").asText() + " " + l.path("releaseId").asText()
                        + "/" + l.path("poLine").asText() + " " + l.path("quantity").decimalValue().toPlainString() + " x "
                        + l.path("unitPrice").decimalValue().toPlainString() + " = "
                        + l.path("amount").decimalValue().setScale(2).toPlainString())
                .containsExactly("1 CI-3001-01/1 100 x 42.5 = 4250.00", "2 CI-3001-02/1 90 x 42.5 = 3825.00",
                        "3 CI-3001-03/1 100 x 42.5 = 4250.00");
        assertThat(invoice.path("total").decimalValue()).isEqualByComparingTo("12325.00");
        // acme's terms (net 30, 2 % 10, from the later of invoice and acceptance): the invoice date is the later
        assertThat(invoice.path("invoiceDate").asText()).isEqualTo("2027-04-05");
        assertThat(invoice.path("acceptanceDate").asText()).isEqualTo("2027-03-20");
        assertThat(invoice.path("termsFrom").asText()).isEqualTo("2027-04-05");
        assertThat(invoice.path("dueDate").asText()).isEqualTo("2027-05-05");
        assertThat(invoice.path("discountDate").asText()).isEqualTo("2027-04-15");
        assertThat(invoice.path("discountAllowed").decimalValue()).isEqualByComparingTo("246.50");

        // its 810, written by the same writer as every invoice: each line names its PO and release
        String file = "-" + number + ".x12";
        await().atMost(WAIT).until(() -> acme.list("outbound").stream().anyMatch(n -> n.startsWith("810-") && n.endsWith(file)));
        String x12 = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.startsWith("810-")
                && n.endsWith(file)).findFirst().orElseThrow());
        assertThat(AcknowledgmentValidation.problems(x12)).isEmpty();
        assertThat(x12).contains("BIG*20270405*" + number + "*20261120*" + PO + "~").contains("REF*CT*GSA-47QSWA-2026")
                .contains("IT1*1*100*EA*42.5*CT").contains("REF*PO*" + PO).contains("REF*RE*" + PO + "-01")
                .contains("IT1*2*90*EA*42.5*CT").contains("REF*RE*" + PO + "-02").contains("REF*RE*" + PO + "-03")
                .contains("TDS*1232500").contains("CTT*3");

        // every release's accepted goods invoiced, and held open by the invoice
        for (String month : List.of("01", "02", "03")) {
            assertThat(status(PO + "-" + month)).isEqualTo("INVOICED");
        }
        assertThat(invoicedOnRelease(PO + "-02")).isEqualByComparingTo("90");
        assertThat(jdbc.queryForObject("select count(*) from invoice_acceptance ia join invoice i on i.id = ia.invoice "
                + "where i.invoice_number = ?", Integer.class, number)).isEqualTo(3);

        // again on the same day, and by hand: no second invoice
        clock.advance(Duration.ofHours(3));
        assertThat(monthlyInvoicing.issueDue()).isEmpty();
        assertThat(invoices()).isOne();
        // nor can one be stored: an acceptance is billed once, a month's invoice of a PO made once
        long row = jdbc.queryForObject("select id from invoice where invoice_number = ?", Long.class, number);
        long acceptance = jdbc.queryForObject("select id from acceptance where acceptance_id = 'CI-ACC-1'", Long.class);
        assertThatThrownBy(() -> jdbc.update("insert into invoice_acceptance (acceptance, invoice) values (?, ?)",
                acceptance, row)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("insert into invoice (invoice_number, company, partner_id, kind, consolidates, "
                + "period, po_number, currency, total, invoice_date, due_date, content, created_at) select 'EDH-TWICE', "
                + "company, partner_id, kind, consolidates, period, po_number, currency, total, invoice_date, due_date, "
                + "content, created_at from invoice where id = ?", row)).isInstanceOf(DataIntegrityViolationException.class);
        // and the release ledger refuses to bill a unit twice
        assertThatThrownBy(() -> jdbc.update("update release_line set invoiced = invoiced + 1 where release_id = ?",
                PO + "-01")).isInstanceOf(DataIntegrityViolationException.class);

        // a dispute names the invoice's own lines, and is on one release: lines of two releases are refused
        String dispute = """
                {"reference": "%s", "invoiceNumber": "%s", "currency": "USD", "reason": "damaged", "lines": [%s]}""";
        HttpResponse<String> twoReleases = hub.postJson("/api/v1/claims", "acme", "acme-secret", dispute.formatted(
                "CI-ADJ-1", number, "{\"lineNumber\": \"1\", \"quantity\": 1}, {\"lineNumber\": \"3\", \"quantity\": 1}"));
        assertThat(twoReleases.statusCode()).as(twoReleases.body()).isEqualTo(422);
        assertThat(twoReleases.body()).contains("SEVERAL_RELEASES");
        // 4 units of line 2 (release -02's PO line 1), credited by the operator at the invoice's price
        HttpResponse<String> disputed = hub.postJson("/api/v1/claims", "acme", "acme-secret", dispute.formatted("CI-ADJ-2",
                number, "{\"lineNumber\": \"2\", \"quantity\": 4}"));
        assertThat(disputed.statusCode()).as(disputed.body()).isEqualTo(201);
        long claimId = jdbc.queryForObject("select id from claim where source_ref = 'CI-ADJ-2'", Long.class);
        assertThat(jdbc.queryForObject("select release_id from claim where id = ?", String.class, claimId))
                .isEqualTo(PO + "-02");
        HttpResponse<String> credited = hub.postJson("/api/v1/claims/" + claimId + "/settlement", "olivia", "olivia-secret",
                "{\"settlementKey\": \"ci-k1\", \"decision\": \"CREDIT\", \"reason\": \"damaged, agreed\"}");
        assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select credited_quantity from invoice_line l join invoice i on i.id = l.invoice "
                + "where i.invoice_number = ? and l.line_number = '2'", BigDecimal.class, number)).isEqualByComparingTo("4");
        assertThat(jdbc.queryForObject("select sum(credited) from release_line where release_id = ?", BigDecimal.class,
                PO + "-02")).isEqualByComparingTo("4");
        assertThat(jdbc.queryForObject("select sum(credited) from release_line where release_id in (?, ?)", BigDecimal.class,
                PO + "-01", PO + "-03")).isEqualByComparingTo("0");
        assertThat(jdbc.queryForObject("select content ->> 'releaseId' from credit_note where claim_number = "
                + "(select claim_number from claim where id = ?)", String.class, claimId)).isEqualTo(PO + "-02");
        // the rest paid: the invoice no longer holds its releases open; -02 still waits for its return's claim
        clock.setDay(LocalDate.of(2027, 4, 8));
        HttpResponse<String> paid = hub.postJson("/api/v1/remittances", "acme", "acme-secret", """
                {"traceNumber": "CI-PAY-1", "paymentDate": "2027-04-08", "method": "ACH", "total": "12155.00",
                 "currency": "USD", "lines": [{"invoiceNumber": "%s", "paid": "12155.00"}]}""".formatted(number));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        assertThat(paid.body()).contains("\"PAID\"");
        assertThat(List.of(status(PO + "-01"), status(PO + "-03"))).containsOnly("CLOSED");
        assertThat(status(PO + "-02")).isEqualTo("INVOICED");

        // April: the fourth release is accepted; it waits for April's invoice
        clock.setDay(LocalDate.of(2027, 4, 10));
        assertThat(accept("CI-ACC-4", PO + "-04", "2027-04-10", 100, 0).path("message").asText())
                .contains("for 2027-04").contains("issued on 2027-05-05");
        assertThat(monthlyInvoicing.issueDue()).isEmpty();
        assertThat(status(PO + "-04")).isEqualTo("ACCEPTED");

        // May 5th: April's invoice, with the fourth release only
        clock.setDay(LocalDate.of(2027, 5, 5));
        await().atMost(WAIT).until(() -> kafka.on(INVOICES).size() == 2);
        JsonNode april = Schemas.valid("invoice.v1", kafka.on(INVOICES).get(1).value());
        assertThat(april.path("invoiceNumber").asText()).isNotEqualTo(number);
        assertThat(april.path("consolidated").path("month").asText()).isEqualTo("2027-04");
        assertThat(april.path("consolidated").path("releases")).extracting(JsonNode::asText).containsExactly(PO + "-04");
        assertThat(april.path("lines")).singleElement().satisfies(l -> {
            assertThat(l.path("releaseId").asText()).isEqualTo(PO + "-04");
            assertThat(l.path("quantity").decimalValue()).isEqualByComparingTo("100");
        });
        assertThat(april.path("total").decimalValue()).isEqualByComparingTo("4250.00");
        assertThat(status(PO + "-04")).isEqualTo("INVOICED");
        assertThat(invoices()).isEqualTo(2);
        // the canonical invoice reads back as it was published
        Invoice stored = CanonicalJson.read(jdbc.queryForObject("select content::text from invoice where invoice_number = ?",
                String.class, number), Invoice.class);
        assertThat(stored.consolidated().acceptances()).hasSize(3);
        assertThat(stored.lines()).extracting(Invoice.Line::releaseId).containsExactly(PO + "-01", PO + "-02", PO + "-03");
    }

    private JsonNode accept(String acceptanceId, String releaseId, String acceptedOn, int accepted, int returned)
            throws Exception {
        String body = """
                {"acceptanceId": "%s", "poNumber": "%s", "releaseId": "%s", "acceptedOn": "%s",
                 "lines": [{"lineNumber": "1", "accepted": %d%s, "unit": "EA"}]}
                """.formatted(acceptanceId, PO, releaseId, acceptedOn, accepted,
                returned == 0 ? "" : ", \"returned\": " + returned + ", \"condition\": \"DAMAGED\"");
        HttpResponse<String> response = hub.postJson("/api/v1/acceptances", "acme", "acme-secret", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return CanonicalJson.MAPPER.readTree(response.body()).path("acceptances").get(0);
    }

    private static String order() {
        return """
                {"poNumber": "%s", "orderDate": "2026-11-20", "currency": "USD", "lines": [{"lineNumber": "1",
                  "buyerPart": "ACM-77812", "vendorPart": "EH-1001", "quantity": 400, "unit": "EA", "unitPrice": 43.00,
                  "schedule": [{"quantity": 100, "deliveryDate": "2027-01-15"}, {"quantity": 100, "deliveryDate": "2027-02-15"},
                               {"quantity": 100, "deliveryDate": "2027-03-15"}, {"quantity": 100, "deliveryDate": "2027-04-15"}]}]}
                """.formatted(PO);
    }

    private static String shipment(String shipmentId, String releaseId, String shipDate) {
        return """
                {"shipmentId": "%s", "partnerId": "acme", "releaseId": "%s", "shipDate": "%s", "carrier": "UPSN",
                 "trackingNumber": "1Z999AA10123456784", "lines": [{"lineNumber": "1", "quantity": 100, "unit": "EA"}]}
                """.formatted(shipmentId, releaseId, shipDate);
    }

    private String status(String releaseId) {
        List<String> status = jdbc.queryForList("select status from order_release where partner_id = 'acme' "
                + "and release_id = ?", String.class, releaseId);
        return status.isEmpty() ? null : status.get(0);
    }

    private BigDecimal invoicedOnRelease(String releaseId) {
        return jdbc.queryForObject("select sum(invoiced) from release_line where partner_id = 'acme' and release_id = ?",
                BigDecimal.class, releaseId);
    }

    private int invoices() {
        return jdbc.queryForObject("select count(distinct invoice) from invoice_line where po_number = ?", Integer.class, PO);
    }
}
