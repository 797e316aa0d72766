package io.edihub.cash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.edihub.HubHttp;
import io.edihub.KafkaTestClient;
import io.edihub.PartnerSftpClient;
import io.edihub.TestClock;
import io.edihub.WholeHubTest;
import io.edihub.billing.Acceptance861Samples;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.Remittance;
import io.edihub.fulfillment.ReleaseScheduler;
import io.edihub.local.LocalSftpServer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statement of acme's contract on the whole hub: an 850 for 100 tablets due in August 2027 and 100 in September
 * (at 43.00; the contract says 42.50), each month dispatched and shipped over Kafka; acme accepts all of August and 80
 * of September (20 returned): two invoices, 4250.00 and 3400.00. The first is paid in full; the second is open and 37
 * days past due at the end of October. The statement from July to October says so, in JSON and CSV, with no price
 * deviation and the value of acme's net 30 against the hub's standard net 20 (the whole-hub tests' setting) at 8 %.
 *
 * <p>Other classes on the shared hub bill acme on the same contract, on any day of it: the test reads the statement
 * before and after its own flow and checks what its flow added, exactly. Every release of theirs that could come due
 * while this test moves the clock is dispatched before the first reading.
 */
@WholeHubTest
class ContractStatementIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REQUESTS = "edihub.release-requests.v1";
    private static final String SHIPMENTS = "edihub.shipments.v1";
    private static final String PO = "ST-4001";
    private static final String STATEMENT = "/api/v1/contracts/acme/GSA-47QSWA-2026/statement?from=2027-07-01&to=2027-10-31";

    /** Reads the amounts as the hub wrote them (7650.00, not the double 7650.0). */
    private static final ObjectMapper EXACT = CanonicalJson.MAPPER.copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Autowired
    TestClock clock;
    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReleaseScheduler scheduler;
    @Autowired
    CashApplication cash;
    @Value("${edihub.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    PartnerSftpClient acme;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() throws Exception {
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        kafka = new KafkaTestClient(brokers, List.of(REQUESTS));
    }

    @AfterEach
    void disconnect() {
        acme.close();
        kafka.close();
    }

    @Test
    void theStatementShowsWhatWasOrderedShippedAcceptedInvoicedAndPaidAndWhatTheTermsConcede() throws Exception {
        // the last day this test moves the clock to: whatever of other tests' comes due by then is dispatched now
        clock.setDay(LocalDate.of(2027, 8, 25));
        await().atMost(WAIT).until(() -> scheduler.dispatchDue().isEmpty());
        JsonNode before = json(get(STATEMENT, "olivia", "olivia-secret"));

        clock.setDay(LocalDate.of(2027, 7, 1));
        acme.upload("st-4001.edi", order850().getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> "PLANNED".equals(status(PO + "-02")));
        clock.setDay(LocalDate.of(2027, 7, 20));
        await().atMost(WAIT).until(() -> requested(PO + "-01"));
        kafka.send(SHIPMENTS, PO + "-01", shipment("SHP-ST-1", PO + "-01", "2027-07-21"));
        await().atMost(WAIT).until(() -> "SHIPPED".equals(status(PO + "-01")));
        clock.setDay(LocalDate.of(2027, 7, 25));
        acme.upload("st-acc-1.edi", Acceptance861Samples.of(PO, PO + "-01", "ST-ACC-1", "000004602", "RCD*1*100*EA")
                .getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> invoices().size() == 1);

        clock.setDay(LocalDate.of(2027, 8, 20));
        await().atMost(WAIT).until(() -> requested(PO + "-02"));
        kafka.send(SHIPMENTS, PO + "-02", shipment("SHP-ST-2", PO + "-02", "2027-08-21"));
        await().atMost(WAIT).until(() -> "SHIPPED".equals(status(PO + "-02")));
        clock.setDay(LocalDate.of(2027, 8, 25));
        acme.upload("st-acc-2.edi", Acceptance861Samples.of(PO, PO + "-02", "ST-ACC-2", "000004603",
                "RCD*1*80*EA*20*EA").getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> invoices().size() == 2);
        String first = invoices().get(0);
        String second = invoices().get(1);

        // acme pays the first in full
        PaymentBook.Payment payment = cash.take(new Remittance("acme", "ST-TRN-4001", new BigDecimal("4250.00"), "USD", "ACH",
                LocalDate.of(2027, 8, 1), List.of(new Remittance.Line(first, new BigDecimal("4250.00"),
                        new BigDecimal("4250.00"), null, List.of())), null), "API", null, "acme");
        assertThat(payment.applied()).isEqualByComparingTo("4250.00");

        JsonNode after = json(get(STATEMENT, "olivia", "olivia-secret"));
        assertThat(after.path("from").asText()).isEqualTo("2027-07-01");
        assertThat(after.path("to").asText()).isEqualTo("2027-10-31");
        assertThat(after.path("days").asInt()).isEqualTo(123);
        assertThat(after.path("currency").asText()).isEqualTo("USD");
        assertThat(after.path("standardTerms").path("netDays").asInt()).isEqualTo(20);

        // in total: 200 tablets at 42.50 ordered, released and shipped; 180 accepted, 20 rejected; 7650.00 invoiced,
        // 4250.00 of it paid, 3400.00 open and 37 days past due on the 31st of October
        JsonNode total = after.path("total");
        JsonNode was = before.path("total");
        assertAdded(total, was, "ordered", "8500.00");
        assertAdded(total, was, "released", "8500.00");
        assertAdded(total, was, "shipped", "8500.00");
        assertAdded(total, was, "accepted", "7650.00");
        assertAdded(total, was, "rejected", "850.00");
        assertAdded(total, was, "invoiced", "7650.00");
        assertAdded(total, was, "credited", "0");
        assertAdded(total, was, "paid", "4250.00");
        assertAdded(total, was, "discounts", "0");
        assertAdded(total, was, "deductionsOpen", "0");
        assertAdded(total, was, "open", "3400.00");
        assertAdded(total.path("aging"), was.path("aging"), "days0To30", "0");
        assertAdded(total.path("aging"), was.path("aging"), "days31To60", "3400.00");
        assertAdded(total.path("aging"), was.path("aging"), "days61To90", "0");
        assertAdded(total.path("aging"), was.path("aging"), "over90", "0");
        // days sales outstanding: open / invoiced × 123 days
        BigDecimal open = total.path("open").decimalValue();
        BigDecimal invoiced = total.path("invoiced").decimalValue();
        assertThat(total.path("dso").decimalValue()).isEqualByComparingTo(open.multiply(BigDecimal.valueOf(123))
                .divide(invoiced, 2, java.math.RoundingMode.HALF_UP));

        // per part: the tablets
        JsonNode tablets = part(after, "EH-1001");
        JsonNode tabletsBefore = part(before, "EH-1001");
        assertThat(tablets.path("buyerPart").asText()).isEqualTo("ACM-77812");
        assertThat(tablets.path("description").asText()).isEqualTo("RUGGED TABLET 10 INCH");
        assertAdded(tablets.path("quantities"), tabletsBefore.path("quantities"), "ordered", "200");
        assertAdded(tablets.path("quantities"), tabletsBefore.path("quantities"), "shipped", "200");
        assertAdded(tablets.path("quantities"), tabletsBefore.path("quantities"), "accepted", "180");
        assertAdded(tablets.path("quantities"), tabletsBefore.path("quantities"), "rejected", "20");
        assertAdded(tablets.path("quantities"), tabletsBefore.path("quantities"), "invoiced", "180");
        assertAdded(tablets.path("values"), tabletsBefore.path("values"), "invoiced", "7650.00");
        assertAdded(tablets.path("values"), tabletsBefore.path("values"), "paid", "4250.00");
        assertAdded(tablets.path("values"), tabletsBefore.path("values"), "open", "3400.00");
        assertThat(tablets.path("contractPrices").toString()).contains("42.5");
        // billed at the contract's price, never the PO's 43.00: this test adds no deviation (the shared database may
        // hold others', such as a property test's order whose price an operator accepted)
        assertThat(after.path("priceDeviations")).isEqualTo(before.path("priceDeviations"));
        assertThat(tablets.path("priceDeviations").asInt()).isEqualTo(tabletsBefore.path("priceDeviations").asInt());

        // the terms: net 30 where the company's standard is net 20, at 8 % a year
        JsonNode firstTerms = terms(after, first);
        assertThat(firstTerms.path("daysGranted").asInt()).isEqualTo(30);
        // 4250.00 × 0.08 × 10 / 365
        assertThat(firstTerms.path("value").decimalValue()).isEqualByComparingTo("9.32");
        // 3400.00 × 0.08 × 10 / 365
        assertThat(terms(after, second).path("value").decimalValue()).isEqualByComparingTo("7.45");
        assertThat(after.path("termsConcessionTotal").decimalValue()
                .subtract(before.path("termsConcessionTotal").decimalValue()))
                .isBetween(new BigDecimal("16.76"), new BigDecimal("16.78"));

        // the same as CSV, by ?format=csv and by Accept: text/csv
        HttpResponse<String> csv = get(STATEMENT + "&format=csv", "olivia", "olivia-secret");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        HttpResponse<String> accepted = new HubHttp(port).send(new HubHttp(port).request(STATEMENT, "olivia",
                "olivia-secret").header("Accept", "text/csv").GET());
        assertThat(accepted.body()).isEqualTo(csv.body());
        List<String> header = Arrays.asList(csv.body().lines().findFirst().orElseThrow().split(","));
        List<String> totalRow = row(csv.body(), "TOTAL");
        assertThat(totalRow.get(header.indexOf("invoiced"))).isEqualTo(total.path("invoiced").decimalValue().toPlainString());
        assertThat(totalRow.get(header.indexOf("open_31_60")))
                .isEqualTo(total.path("aging").path("days31To60").decimalValue().toPlainString());
        assertThat(totalRow.get(header.indexOf("terms_concession")))
                .isEqualTo(after.path("termsConcessionTotal").decimalValue().toPlainString());
        // as many as the JSON says: the shared database may hold other tests' deviations
        assertThat(totalRow.get(header.indexOf("price_deviations"))).isEqualTo(Integer.toString(
                after.path("priceDeviations").isArray() ? after.path("priceDeviations").size()
                        : after.path("priceDeviations").asInt()));
        List<String> tabletRow = row(csv.body(), "EH-1001");
        assertThat(tabletRow.get(header.indexOf("ordered_quantity")))
                .isEqualTo(tablets.path("quantities").path("ordered").decimalValue().toPlainString());
        assertThat(tabletRow.get(header.indexOf("paid"))).isEqualTo(tablets.path("values").path("paid").decimalValue()
                .toPlainString());

        // acme reads its own statement; globex does not see acme's; unknown partners and contracts are not there
        assertThat(get(STATEMENT, "acme", "acme-secret").statusCode()).isEqualTo(200);
        assertError(get(STATEMENT, "globex", "globex-secret"), 404, "NOT_FOUND");
        assertError(get("/api/v1/contracts/acme/GSA-OTHER/statement", "olivia", "olivia-secret"), 404, "NOT_FOUND");
        assertError(get("/api/v1/contracts/nobody/GSA-47QSWA-2026/statement", "olivia", "olivia-secret"), 404,
                "NOT_FOUND");
        // bad periods
        assertError(get("/api/v1/contracts/acme/GSA-47QSWA-2026/statement?from=2027-10-01&to=2027-09-30", "acme",
                "acme-secret"), 400, "BAD_PERIOD");
        assertError(get("/api/v1/contracts/acme/GSA-47QSWA-2026/statement?from=2027-13-01", "acme", "acme-secret"), 400,
                "BAD_DATE");
        assertError(get("/api/v1/contracts/acme/GSA-47QSWA-2026/statement?to=yesterday", "acme", "acme-secret"), 400,
                "BAD_DATE");
        // by default: the contract's first day up to today
        JsonNode whole = json(get("/api/v1/contracts/acme/GSA-47QSWA-2026/statement", "acme", "acme-secret"));
        assertThat(whole.path("from").asText()).isEqualTo("2026-01-01");
        assertThat(whole.path("to").asText()).isEqualTo(LocalDate.now(clock).toString());
    }

    private static void assertAdded(JsonNode after, JsonNode before, String field, String added) {
        assertThat(after.path(field).decimalValue().subtract(before.path(field).decimalValue())).as(field)
                .isEqualByComparingTo(added);
    }

    private static JsonNode part(JsonNode statement, String part) {
        for (JsonNode p : statement.path("parts")) {
            if (p.path("part").asText().equals(part)) {
                return p;
            }
        }
        // a part the statement had nothing of before: all zero
        return CanonicalJson.MAPPER.createObjectNode();
    }

    private static JsonNode terms(JsonNode statement, String invoiceNumber) {
        for (JsonNode t : statement.path("termsConcession")) {
            if (t.path("invoiceNumber").asText().equals(invoiceNumber)) {
                return t;
            }
        }
        throw new AssertionError("no terms value for " + invoiceNumber + " in " + statement.path("termsConcession"));
    }

    private static List<String> row(String csv, String part) {
        return csv.lines().filter(l -> l.startsWith(part + ",")).findFirst().map(l -> Arrays.asList(l.split(",", -1)))
                .orElseThrow(() -> new AssertionError("no row " + part + " in\n" + csv));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return EXACT.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(CanonicalJson.MAPPER.readTree(response.body()).path("errors").get(0).path("code").asText())
                .isEqualTo(code);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return new HubHttp(port).get(path, user, password);
    }

    private List<String> invoices() {
        return jdbc.queryForList("select invoice_number from invoice where partner_id = 'acme' and po_number = ? "
                + "order by id", String.class, PO);
    }

    private boolean requested(String releaseId) {
        return kafka.on(REQUESTS).stream().anyMatch(r -> r.key().equals(releaseId));
    }

    private String status(String releaseId) {
        return jdbc.queryForList("select status from order_release where partner_id = 'acme' and release_id = ?",
                String.class, releaseId).stream().findFirst().orElse(null);
    }

    private static String shipment(String shipmentId, String releaseId, String shipDate) {
        return """
                {"shipmentId": "%s", "partnerId": "acme", "releaseId": "%s", "shipDate": "%s", "carrier": "UPSN",
                 "trackingNumber": "1Z999AA10123456784", "lines": [{"lineNumber": "1", "quantity": 100, "unit": "EA"}]}
                """.formatted(shipmentId, releaseId, shipDate);
    }

    /** An acme 850: line 1, 200 tablets at 43.00 (the contract says 42.50), 100 due 2027-08-16 and 100 2027-09-15. */
    private static String order850() {
        return String.join("~\n",
                "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *270701*0800*U*00401*000004601*0*P*>",
                "GS*PO*ACMEFED*EDIHUB*20270701*0800*4601*X*004010",
                "ST*850*0001",
                "BEG*00*BK*" + PO + "**20270701*GSA-47QSWA-2026",
                "CUR*BY*USD",
                "N1*ST*ACME DEPOT 12*92*DEPOT12",
                "PO1*1*200*EA*43.00*PE*BP*ACM-77812*VP*EH-1001",
                "PID*F****RUGGED TABLET 10 INCH",
                "SCH*100*EA***002*20270816",
                "SCH*100*EA***002*20270915",
                "CTT*1",
                "SE*10*0001",
                "GE*1*4601",
                "IEA*1*000004601") + "~\n";
    }
}
