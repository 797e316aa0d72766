package io.edihub.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.HubHttp;
import io.edihub.KafkaTestClient;
import io.edihub.PartnerSftpClient;
import io.edihub.TestClock;
import io.edihub.WholeHubTest;
import io.edihub.canonical.CanonicalJson;
import io.edihub.cash.Remittance820;
import io.edihub.local.LocalSftpServer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Order to cash ends with cash, on the whole hub with its real broker, SFTP server and PostgreSQL: one month of acme
 * tablets shipped, accepted in two acceptances (two invoices); an 820 pays the first inside the discount window, taking
 * the 2 % discount, and the second short with an adjustment reason. The first is PAID with its discount recorded, the
 * second PARTIALLY_PAID with a deduction claim; the release stays open. An operator credits the deduction: the second
 * invoice is settled, and the release and the order close. An 820 whose lines do not add up, and one with a trace number
 * already taken, are rejected by the 997 and apply nothing. The contract's statement shows what the two invoices
 * added: invoiced, credited, paid, the discount, nothing open, no price deviation, and what acme's terms concede.
 */
@WholeHubTest
class CashApplicationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REQUESTS = "edihub.release-requests.v1";
    private static final String INVOICES = "edihub.invoices.v1";
    private static final String PAYMENTS = "edihub.payments.v1";
    private static final String SHIPMENTS = "edihub.shipments.v1";
    private static final String PO = "CA-3001";
    private static final LocalDate INVOICED_ON = LocalDate.of(2027, 1, 27);
    private static final LocalDate PAID_ON = LocalDate.of(2027, 2, 1);

    @Autowired
    TestClock clock;
    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${edihub.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    PartnerSftpClient acme;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() throws Exception {
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        kafka = new KafkaTestClient(brokers, List.of(REQUESTS, INVOICES, PAYMENTS));
    }

    @AfterEach
    void disconnect() {
        acme.close();
        kafka.close();
    }

    @Test
    void aPaymentWithADiscountAndADeductionIsAppliedAndTheCreditedDeductionClosesTheOrder() throws Exception {
        clock.setDay(LocalDate.of(2026, 11, 20));
        acme.upload("ca-3001.edi", order(PO, "000009101").getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> "PLANNED".equals(status(PO + "-01")));
        clock.setDay(LocalDate.of(2026, 12, 16));
        await().atMost(WAIT).until(() -> kafka.on(REQUESTS).stream().anyMatch(r -> r.key().equals(PO + "-01")));
        kafka.send(SHIPMENTS, PO + "-01", FulfillmentBillingIT.shipment("SHP-CA-1", PO + "-01", "100"));
        await().atMost(WAIT).until(() -> "SHIPPED".equals(status(PO + "-01")));

        // two acceptances, two invoices: 60 and 40 tablets at the contract's 42.50, on a day no other test invoices
        clock.setDay(INVOICED_ON);
        JsonNode before = statement();
        acme.upload("ca-acc-1.edi", Acceptance861Samples.of(PO, PO + "-01", "CA-ACC-1", "000009102", "RCD*1*60*EA")
                .getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> invoices().size() == 1);
        acme.upload("ca-acc-2.edi", Acceptance861Samples.of(PO, PO + "-01", "CA-ACC-2", "000009103", "RCD*1*40*EA")
                .getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> invoices().size() == 2);
        JsonNode first = invoices().get(0);
        JsonNode second = invoices().get(1);
        assertThat(first.path("total").decimalValue()).isEqualByComparingTo("2550.00");
        assertThat(second.path("total").decimalValue()).isEqualByComparingTo("1700.00");
        // acme's terms: net 30, 2 % in 10 days, from the later of invoice (2027-01-27) and acceptance (2027-01-20)
        assertThat(first.path("termsFrom").asText()).isEqualTo("2027-01-27");
        assertThat(first.path("discountDate").asText()).isEqualTo("2027-02-06");
        assertThat(first.path("dueDate").asText()).isEqualTo("2027-02-26");
        assertThat(first.path("discountAllowed").decimalValue()).isEqualByComparingTo("51.00");
        assertThat(status(PO + "-01")).as("every unit is invoiced, nothing is paid yet").isEqualTo("INVOICED");
        String one = first.path("invoiceNumber").asText();
        String two = second.path("invoiceNumber").asText();

        // bad 820s first: lines that do not add up to BPR02, then (later) a trace number used twice; nothing applied
        clock.setDay(PAID_ON);
        acme.upload("ca-820-sum.edi", Remittance820.payment("PAY-CA-0", PAID_ON)
                .invoice(one, "2499.00", "2550.00", "51.00").interchange("000009104", "2500.00")
                .getBytes(StandardCharsets.US_ASCII));
        String mismatch = await().atMost(WAIT).until(() -> acme.functionalAckTo("000009104"), a -> a != null);
        assertThat(mismatch).contains("AK1*RA*9104").contains("AK5*R");
        assertThat(paid(one)).isZero();

        // the 820: the first invoice paid inside the window with its 2 % discount, the second 50.00 short (ADX 04)
        String payment = Remittance820.payment("PAY-CA-1", PAID_ON)
                .invoice(one, "2499.00", "2550.00", "51.00")
                .invoice(two, "1650.00", "1700.00", null).adjustment("-50.00", "04", "ONE CARTON REFUSED")
                .interchange("000009105");
        acme.upload("ca-820.edi", payment.getBytes(StandardCharsets.US_ASCII));
        String accepted = await().atMost(WAIT).until(() -> acme.functionalAckTo("000009105"), a -> a != null);
        assertThat(accepted).contains("AK1*RA*9105").contains("AK5*A");
        Map<String, Object> firstBalance = balance(one);
        assertThat((BigDecimal) firstBalance.get("paid")).isEqualByComparingTo("2499.00");
        assertThat((BigDecimal) firstBalance.get("discount")).isEqualByComparingTo("51.00");
        assertThat((BigDecimal) firstBalance.get("open_balance")).isZero();
        Map<String, Object> secondBalance = balance(two);
        assertThat((BigDecimal) secondBalance.get("paid")).isEqualByComparingTo("1650.00");
        assertThat((BigDecimal) secondBalance.get("deducted")).isEqualByComparingTo("50.00");
        assertThat((BigDecimal) secondBalance.get("open_balance")).isZero();

        // the payment on edihub.payments.v1: each line's outcome
        await().atMost(WAIT).until(() -> !kafka.on(PAYMENTS).isEmpty());
        KafkaTestClient.Received event = kafka.on(PAYMENTS).get(0);
        JsonNode applied = CanonicalJson.MAPPER.readTree(event.value());
        assertThat(event.headers()).containsEntry("ce_type", "io.edihub.payment.v1");
        assertThat(applied.path("kind").asText()).isEqualTo("REMITTANCE");
        assertThat(applied.path("traceNumber").asText()).isEqualTo("PAY-CA-1");
        assertThat(applied.path("unapplied").decimalValue()).isZero();
        JsonNode lineOne = applied.path("lines").get(0);
        JsonNode lineTwo = applied.path("lines").get(1);
        assertThat(lineOne.path("outcome").asText()).isEqualTo("PAID");
        assertThat(lineOne.path("invoiceStatus").asText()).isEqualTo("PAID");
        assertThat(lineOne.path("discount").decimalValue()).isEqualByComparingTo("51.00");
        assertThat(lineTwo.path("outcome").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(lineTwo.path("invoiceStatus").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(lineTwo.path("deducted").decimalValue()).isEqualByComparingTo("50.00");
        String deduction = lineTwo.path("claimNumber").asText();
        assertThat(deduction).startsWith("CLM-");

        // the deduction is a claim on the second invoice, its reason carried over; the release waits for it
        JsonNode claims = CanonicalJson.MAPPER.readTree(get("/api/v1/claims?partner=acme&po=" + PO).body()).path("claims");
        assertThat(claims).hasSize(1);
        JsonNode claim = claims.get(0);
        assertThat(claim.path("claimNumber").asText()).isEqualTo(deduction);
        assertThat(claim.path("source").asText()).isEqualTo("DEDUCTION");
        assertThat(claim.path("invoiceNumber").asText()).isEqualTo(two);
        assertThat(claim.path("reason").asText()).contains("04").contains("ONE CARTON REFUSED");
        assertThat(status(PO + "-01")).isEqualTo("INVOICED");

        // the same trace number again: rejected, nothing applied twice
        acme.upload("ca-820-again.edi", Remittance820.payment("PAY-CA-1", PAID_ON.plusDays(1))
                .invoice(two, "50.00", "1700.00", null).interchange("000009106").getBytes(StandardCharsets.US_ASCII));
        String again = await().atMost(WAIT).until(() -> acme.functionalAckTo("000009106"), a -> a != null);
        assertThat(again).contains("AK5*R");
        String report = await().atMost(WAIT).until(() -> acme.list("error").stream()
                .filter(n -> n.endsWith("ca-820-again.edi.error.txt")).findFirst().orElse(null), n -> n != null);
        assertThat(acme.read("error/" + report)).contains("DUPLICATE_TRACE_NUMBER").contains("PAY-CA-1");
        assertThat((BigDecimal) balance(two).get("paid")).isEqualByComparingTo("1650.00");

        // the operator credits the deduction: the credit comes out of what the deduction held, the invoice is settled
        HttpResponse<String> credited = new HubHttp(port).postJson("/api/v1/claims/" + claim.path("id").asLong()
                + "/settlement", "olivia", "olivia-secret", "{\"settlementKey\": \"ca-k1\", \"decision\": \"CREDIT\", "
                + "\"reason\": \"carton refused at the dock, agreed\"}");
        assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
        secondBalance = balance(two);
        assertThat((BigDecimal) secondBalance.get("credited")).isEqualByComparingTo("50.00");
        assertThat((BigDecimal) secondBalance.get("deducted")).isZero();
        assertThat((BigDecimal) secondBalance.get("open_balance")).isZero();
        assertThat(status(PO + "-01")).isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("select status from purchase_order where partner_id = 'acme' and po_number = ?",
                String.class, PO)).isEqualTo("CLOSED");
        JsonNode timeline = CanonicalJson.MAPPER.readTree(get("/api/v1/orders/acme/" + PO + "/timeline").body());
        List<String> story = new ArrayList<>();
        timeline.path("entries").forEach(e -> story.add(e.path("kind").asText()));
        assertThat(story).contains("PAID", "DEDUCTION", "CREDITED", "RELEASE_CLOSED", "ORDER_CLOSED");

        // the contract's statement for the day of the two invoices: what they added to it
        JsonNode after = statement();
        assertThat(added(before, after, "invoiced")).isEqualByComparingTo("4250.00");
        assertThat(added(before, after, "credited")).isEqualByComparingTo("50.00");
        assertThat(added(before, after, "paid")).isEqualByComparingTo("4149.00");
        assertThat(added(before, after, "discounts")).isEqualByComparingTo("51.00");
        assertThat(added(before, after, "deductionsOpen")).isZero();
        assertThat(added(before, after, "open")).isZero();
        List<String> deviations = new ArrayList<>();
        after.path("priceDeviations").forEach(d -> deviations.add(d.path("invoiceNumber").asText()));
        assertThat(deviations).doesNotContain(one, two);
        // what acme's terms concede against the standard net 20 at 8 %: the first paid inside the discount window
        // (10 days granted, the 51.00 discount), the second on net 30
        assertThat(concession(after, one).path("daysGranted").asInt()).isEqualTo(10);
        assertThat(concession(after, one).path("value").decimalValue()).isEqualByComparingTo("45.41");
        assertThat(concession(after, two).path("daysGranted").asInt()).isEqualTo(30);
        assertThat(concession(after, two).path("value").decimalValue()).isEqualByComparingTo("3.73");
        HttpResponse<String> csv = get("/api/v1/contracts/acme/GSA-47QSWA-2026/statement?from=" + INVOICED_ON + "&to="
                + INVOICED_ON + "&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("EH-1001");
    }

    private JsonNode statement() throws Exception {
        HttpResponse<String> response = get("/api/v1/contracts/acme/GSA-47QSWA-2026/statement?from=" + INVOICED_ON
                + "&to=" + INVOICED_ON);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return CanonicalJson.MAPPER.readTree(response.body());
    }

    private static BigDecimal added(JsonNode before, JsonNode after, String figure) {
        return after.path("total").path(figure).decimalValue().subtract(before.path("total").path(figure).decimalValue());
    }

    private static JsonNode concession(JsonNode statement, String invoice) {
        for (JsonNode c : statement.path("termsConcession")) {
            if (c.path("invoiceNumber").asText().equals(invoice)) {
                return c;
            }
        }
        throw new AssertionError("no terms concession for " + invoice + " in " + statement);
    }

    private Map<String, Object> balance(String invoice) {
        return jdbc.queryForMap("select paid, discount, deducted, credited, open_balance from invoice_overview "
                + "where invoice_number = ?", invoice);
    }

    private BigDecimal paid(String invoice) {
        return (BigDecimal) balance(invoice).get("paid");
    }


    private List<JsonNode> invoices() {
        return kafka.ofPo(INVOICES, PO);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return new HubHttp(port).get(path, "olivia", "olivia-secret");
    }

    private String status(String releaseId) {
        return jdbc.queryForList("select status from order_release where partner_id = 'acme' and release_id = ?",
                String.class, releaseId).stream().findFirst().orElse(null);
    }

    /** An acme 850: line 1, 100 tablets at the contract's 42.50, due 2027-01-15. */
    private static String order(String po, String isa13) {
        return String.join("~\n",
                "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *261120*0800*U*00401*" + isa13 + "*0*P*>",
                "GS*PO*ACMEFED*EDIHUB*20261120*0800*" + Integer.parseInt(isa13) + "*X*004010",
                "ST*850*0001",
                "BEG*00*SA*" + po + "**20261120*GSA-47QSWA-2026",
                "CUR*BY*USD",
                "N1*ST*ACME DEPOT 12*92*DEPOT12",
                "PO1*1*100*EA*42.50*PE*BP*ACM-77812*VP*EH-1001",
                "PID*F****RUGGED TABLET 10 INCH",
                "SCH*100*EA***002*20270115",
                "CTT*1",
                "SE*9*0001",
                "GE*1*" + Integer.parseInt(isa13),
                "IEA*1*" + isa13) + "~\n";
    }
}
