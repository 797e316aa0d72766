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
import io.edihub.local.LocalSftpServer;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cash applied on the whole hub with its real broker, SFTP server and PostgreSQL: two acme orders shipped, accepted and
 * invoiced; a payment posted over HTTP pays the first invoice exactly (PAID); a remittance file over SFTP names an
 * invoice we do not know, is taken as unapplied cash, and an operator applies it to the second invoice (recorded as
 * the operator's). Bad remittances, over HTTP and over SFTP, are refused with a clear error and apply nothing: lines
 * not adding up, a trace number taken before, a negative amount, another currency, another partner's invoice,
 * malformed JSON and CSV. Every payment event is valid against {@code schemas/payment.v1.schema.json}.
 */
@WholeHubTest
class RemittanceApiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REQUESTS = "edihub.release-requests.v1";
    private static final String INVOICES = "edihub.invoices.v1";
    private static final String SHIPMENTS = "edihub.shipments.v1";
    private static final String PAYMENTS = "edihub.payments.v1";
    private static final List<String> POS = List.of("RM-4001", "RM-4002");

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
    void paymentsAreAppliedUnappliedCashIsAppliedByAnOperatorAndBadRemittancesApplyNothing() throws Exception {
        List<JsonNode> invoices = twoInvoices();
        String first = invoices.get(0).path("invoiceNumber").asText();
        BigDecimal firstTotal = invoices.get(0).path("total").decimalValue();
        String second = invoices.get(1).path("invoiceNumber").asText();
        BigDecimal secondTotal = invoices.get(1).path("total").decimalValue();
        clock.setDay(LocalDate.of(2027, 2, 1));
        String untouched = ledger(first, second);

        // bad remittances over HTTP: each refused with where and why, nothing applied
        assertError(post("acme", remittance("RM-PAY-0", "100.00", "USD", line(first, "90.00"))), 422, "AMOUNT_MISMATCH",
                "/total");
        assertError(post("acme", remittance("RM-PAY-0", "10.00", "USD", line(first, "-10.00"))), 400, "SCHEMA",
                "/lines/0/paid");
        assertError(post("acme", remittance("RM-PAY-0", firstTotal.toPlainString(), "EUR",
                line(first, firstTotal.toPlainString()))), 422, "OTHER_CURRENCY", "lines/1");
        assertError(post("globex", remittance("RM-PAY-0", firstTotal.toPlainString(), "USD",
                line(first, firstTotal.toPlainString()))), 422, "INVOICE_OF_ANOTHER_PARTNER", "lines/1");
        HttpResponse<String> malformedJson = post("acme", "{\"traceNumber\": \"RM-PAY-0\", \"total\": ");
        assertThat(malformedJson.statusCode()).as(malformedJson.body()).isEqualTo(400);
        assertThat(CanonicalJson.MAPPER.readTree(malformedJson.body()).path("errors").get(0).path("code").asText())
                .isEqualTo("NOT_JSON");
        HttpResponse<String> malformedCsv = new HubHttp(port).post("/api/v1/remittances", "acme", "acme-secret", """
                trace_number,payment_date,method,total,currency,invoice_number,paid
                RM-PAY-0,2027-02-01,ACH,12.345,USD,%s,12.345
                """.formatted(first));
        assertThat(malformedCsv.statusCode()).as(malformedCsv.body()).isEqualTo(400);
        assertThat(CanonicalJson.MAPPER.readTree(malformedCsv.body()).path("errors").get(0).path("code").asText())
                .isEqualTo("BAD_NUMBER");
        assertError(postJson("/api/v1/remittances", "olivia", "olivia-secret", remittance("RM-PAY-0", "10.00", "USD",
                line(first, "10.00"))), 400, "PARTNER_MISSING", "partner");
        assertError(postJson("/api/v1/remittances?partner=acmee", "olivia", "olivia-secret", remittance("RM-PAY-0",
                "10.00", "USD", line(first, "10.00"))), 404, "UNKNOWN_PARTNER", "partner");
        assertThat(ledger(first, second)).isEqualTo(untouched);

        // the first invoice paid exactly, over HTTP: PAID, nothing left on the account
        HttpResponse<String> paid = post("acme", remittance("RM-PAY-1", firstTotal.toPlainString(), "USD",
                line(first, firstTotal.toPlainString())));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
        JsonNode payment = CanonicalJson.MAPPER.readTree(paid.body());
        assertThat(payment.path("traceNumber").asText()).isEqualTo("RM-PAY-1");
        assertThat(payment.path("channel").asText()).isEqualTo("API");
        assertThat(payment.path("receivedBy").asText()).isEqualTo("acme");
        assertThat(payment.path("applied").decimalValue()).isEqualByComparingTo(firstTotal);
        assertThat(payment.path("unapplied").decimalValue()).isZero();
        assertThat(payment.path("lines").get(0).path("outcome").asText()).isEqualTo("PAID");
        assertThat(paidOn(first)).isEqualByComparingTo(firstTotal);
        String afterFirst = ledger(first, second);

        // the same trace number again, over HTTP and over SFTP: refused, nothing applied twice
        assertError(post("acme", remittance("RM-PAY-1", "10.00", "USD", line(second, "10.00"))), 409,
                "DUPLICATE_TRACE_NUMBER", "traceNumber");
        acme.upload("rm-again.json", remittance("RM-PAY-1", "10.00", "USD", line(second, "10.00"))
                .getBytes(StandardCharsets.UTF_8));
        JsonNode refused = answer("rm-again.json");
        assertThat(refused.path("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.path("refused").get(0).path("code").asText()).isEqualTo("DUPLICATE_TRACE_NUMBER");
        assertThat(refused.path("refused").get(0).path("location").asText()).isEqualTo("traceNumber");
        String report = await().atMost(WAIT).until(() -> acme.list("error").stream()
                .filter(n -> n.endsWith("rm-again.json.error.txt")).findFirst().orElse(null), n -> n != null);
        assertThat(acme.read("error/" + report)).contains("Nothing of it was taken", "DUPLICATE_TRACE_NUMBER");
        // a CSV file whose lines do not add up: the reader's error in the answer
        acme.upload("rm-short.csv", """
                trace_number,payment_date,method,total,currency,invoice_number,paid
                RM-PAY-9,2027-02-01,ACH,100.00,USD,%s,90.00
                """.formatted(second).getBytes(StandardCharsets.UTF_8));
        JsonNode mismatch = answer("rm-short.csv");
        assertThat(mismatch.path("status").asText()).isEqualTo("REJECTED");
        assertThat(mismatch.path("errors").get(0).path("code").asText()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(ledger(first, second)).isEqualTo(afterFirst);

        // a CSV remittance over SFTP naming an invoice we do not know: taken, the cash waits on acme's account
        acme.upload("rm-unknown.csv", """
                trace_number,payment_date,method,total,currency,invoice_number,paid
                RM-PAY-2,2027-02-01,CHK,%s,USD,EDH-99999999,%s
                """.formatted(secondTotal.toPlainString(), secondTotal.toPlainString()).getBytes(StandardCharsets.UTF_8));
        JsonNode taken = answer("rm-unknown.csv");
        assertThat(taken.path("status").asText()).as(taken.toString()).isEqualTo("ACCEPTED");
        JsonNode takenPayment = taken.path("payments").get(0);
        assertThat(takenPayment.path("lines").get(0).path("outcome").asText()).isEqualTo("UNKNOWN_INVOICE");
        assertThat(takenPayment.path("unapplied").decimalValue()).isEqualByComparingTo(secondTotal);
        long paymentId = takenPayment.path("paymentId").asLong();
        await().atMost(WAIT).until(() -> acme.list("archive").stream().anyMatch(n -> n.endsWith("rm-unknown.csv")));

        // acme sees it among its payments with cash unapplied; globex does not see it at all
        JsonNode unapplied = CanonicalJson.MAPPER.readTree(get("/api/v1/remittances?unapplied=true", "acme",
                "acme-secret").body());
        assertThat(unapplied.path("payments").findValuesAsText("traceNumber")).contains("RM-PAY-2")
                .doesNotContain("RM-PAY-1");
        assertThat(get("/api/v1/remittances/" + paymentId, "acme", "acme-secret").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/remittances/" + paymentId, "globex", "globex-secret").statusCode()).isEqualTo(404);
        assertThat(CanonicalJson.MAPPER.readTree(get("/api/v1/remittances", "globex", "globex-secret").body())
                .path("payments").findValuesAsText("traceNumber")).doesNotContain("RM-PAY-1", "RM-PAY-2");

        // only an operator applies it; a bad application is refused and changes nothing
        String apply = "/api/v1/remittances/" + paymentId + "/application";
        assertThat(postJson(apply, "acme", "acme-secret", application("rm-k1", second, null)).statusCode())
                .isEqualTo(403);
        assertError(postJson(apply, "olivia", "olivia-secret", "{\"invoiceNumber\": \"" + second + "\"}"), 400,
                "MALFORMED", "/applicationKey");
        assertError(postJson(apply, "olivia", "olivia-secret", application("rm-k0", second,
                secondTotal.add(BigDecimal.ONE).toPlainString())), 409, "OVER_UNAPPLIED", "amount");
        assertError(postJson(apply, "olivia", "olivia-secret", application("rm-k0", first, "1.00")), 409, "OVER_OPEN",
                "amount");
        assertThat(paidOn(second)).isZero();

        HttpResponse<String> applied = postJson(apply, "olivia", "olivia-secret", application("rm-k1", second, null));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        JsonNode after = CanonicalJson.MAPPER.readTree(applied.body());
        assertThat(after.path("unapplied").decimalValue()).isZero();
        JsonNode audit = after.path("applications").get(0);
        assertThat(audit.path("kind").asText()).isEqualTo("OPERATOR");
        assertThat(audit.path("actor").asText()).isEqualTo("olivia");
        assertThat(audit.path("note").asText()).isEqualTo("the customer's check named a wrong number");
        assertThat(paidOn(second)).isEqualByComparingTo(secondTotal);
        // the same application again changes nothing
        assertThat(postJson(apply, "olivia", "olivia-secret", application("rm-k1", second, null)).statusCode())
                .isEqualTo(200);
        assertThat(paidOn(second)).isEqualByComparingTo(secondTotal);

        // the payments and the application on edihub.payments.v1, each valid against the published schema
        await().atMost(WAIT).until(() -> kafka.on(PAYMENTS).stream().filter(r -> r.value().contains("\"RM-PAY-")).count()
                >= 3);
        List<KafkaTestClient.Received> events = kafka.on(PAYMENTS).stream()
                .filter(r -> r.value().contains("\"RM-PAY-")).toList();
        assertThat(events).hasSize(3);
        for (KafkaTestClient.Received event : events) {
            JsonNode valid = Schemas.valid("payment.v1", event.value());
            assertThat(event.headers()).containsEntry("ce_type", "io.edihub.payment.v1")
                    .containsEntry("ce_id", valid.path("eventId").asText());
        }
        assertThat(events).extracting(r -> CanonicalJson.MAPPER.readTree(r.value()).path("kind").asText())
                .containsExactly("REMITTANCE", "REMITTANCE", "APPLICATION");
        JsonNode application = CanonicalJson.MAPPER.readTree(events.get(2).value());
        assertThat(application.path("actor").asText()).isEqualTo("olivia");
        assertThat(application.path("lines").get(0).path("invoiceStatus").asText()).isEqualTo("PAID");

        // the examples of docs/http-api.md, as written: the JSON sample taken, the same payment as CSV a duplicate
        HttpResponse<String> sample = new HubHttp(port).send(new HubHttp(port).request("/api/v1/remittances", "acme",
                "acme-secret").header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers
                .ofFile(java.nio.file.Path.of("edi-samples/acme/remittances/ach-two-invoices.json"))));
        assertThat(sample.statusCode()).as(sample.body()).isEqualTo(201);
        assertThat(CanonicalJson.MAPPER.readTree(sample.body()).path("lines").findValuesAsText("outcome"))
                .containsExactly("UNKNOWN_INVOICE", "UNKNOWN_INVOICE");
        assertError(new HubHttp(port).send(new HubHttp(port).request("/api/v1/remittances", "acme", "acme-secret")
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers
                .ofFile(java.nio.file.Path.of("edi-samples/acme/remittances/ach-two-invoices.csv")))), 409,
                "DUPLICATE_TRACE_NUMBER", "traceNumber");
    }

    /** Two acme orders of 100 tablets each, shipped and accepted in full: their invoices, in order. */
    private List<JsonNode> twoInvoices() throws Exception {
        clock.setDay(LocalDate.of(2026, 11, 20));
        acme.upload("rm-4001.edi", ClaimSettlementIT.oneMonthOrder(POS.get(0), "000000961").getBytes(StandardCharsets.US_ASCII));
        acme.upload("rm-4002.edi", ClaimSettlementIT.oneMonthOrder(POS.get(1), "000000962").getBytes(StandardCharsets.US_ASCII));
        for (String po : POS) {
            await().atMost(WAIT).until(() -> "PLANNED".equals(status(po + "-01")));
        }
        clock.setDay(LocalDate.of(2026, 12, 16));
        int shipment = 0;
        for (String po : POS) {
            await().atMost(WAIT).until(() -> kafka.on(REQUESTS).stream().anyMatch(r -> r.key().equals(po + "-01")));
            kafka.send(SHIPMENTS, po + "-01", FulfillmentBillingIT.shipment("SHP-RM-" + ++shipment, po + "-01", "100"));
            await().atMost(WAIT).until(() -> "SHIPPED".equals(status(po + "-01")));
        }
        clock.setDay(LocalDate.of(2027, 1, 20));
        int isa = 963;
        for (String po : POS) {
            acme.upload("rm-acc-" + po + ".edi", Acceptance861Samples.of(po, po + "-01", "ACC-" + po, "000000" + isa++,
                    "RCD*1*100*EA").getBytes(StandardCharsets.US_ASCII));
            await().atMost(WAIT).until(() -> invoices().stream().anyMatch(i -> i.path("poNumber").asText().equals(po)));
        }
        return invoices();
    }

    private List<JsonNode> invoices() {
        return POS.stream().flatMap(po -> kafka.ofPo(INVOICES, po).stream()).toList();
    }

    /** The answer to a remittance file, once it is in acme's outbound folder. */
    private JsonNode answer(String fileName) throws Exception {
        String name = await().atMost(WAIT).until(() -> acme.list("outbound").stream()
                .filter(n -> n.endsWith("-" + fileName + ".response.json")).findFirst().orElse(null), n -> n != null);
        return CanonicalJson.MAPPER.readTree(acme.read("outbound/" + name));
    }

    /** What the test's payments and its invoices' money are now: unchanged by anything refused. */
    private String ledger(String first, String second) {
        return jdbc.queryForObject("select count(*) from payment where trace_number like 'RM-PAY-%'", Integer.class)
                + " payments, " + jdbc.queryForObject("select coalesce(sum(amount), 0) from payment_application "
                + "where invoice_number in (?, ?)", BigDecimal.class, first, second).stripTrailingZeros().toPlainString()
                + " applied, " + jdbc.queryForList("select paid || '/' || discount || '/' || deducted from invoice "
                + "where invoice_number in (?, ?) order by invoice_number", String.class, first, second);
    }

    private BigDecimal paidOn(String invoice) {
        return jdbc.queryForObject("select paid from invoice where invoice_number = ?", BigDecimal.class, invoice);
    }

    private String status(String releaseId) {
        return jdbc.queryForList("select status from order_release where partner_id = 'acme' and release_id = ?",
                String.class, releaseId).stream().findFirst().orElse(null);
    }

    private static String remittance(String trace, String total, String currency, String lines) {
        return """
                {"traceNumber": "%s", "paymentDate": "2027-02-01", "method": "ACH", "total": "%s", "currency": "%s",
                 "lines": [%s]}""".formatted(trace, total, currency, lines);
    }

    private static String line(String invoice, String paid) {
        return "{\"invoiceNumber\": \"" + invoice + "\", \"paid\": \"" + paid + "\"}";
    }

    private static String application(String key, String invoice, String amount) {
        return "{\"applicationKey\": \"" + key + "\", \"invoiceNumber\": \"" + invoice + "\""
                + (amount == null ? "" : ", \"amount\": " + amount) + ", \"note\": \"the customer's check named a wrong number\"}";
    }

    private HttpResponse<String> post(String partner, String body) throws Exception {
        return postJson("/api/v1/remittances", partner, partner + "-secret", body);
    }

    private HttpResponse<String> postJson(String path, String user, String password, String body) throws Exception {
        return new HubHttp(port).postJson(path, user, password, body);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return new HubHttp(port).get(path, user, password);
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String location)
            throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = CanonicalJson.MAPPER.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(error.path("location").asText()).as(response.body()).isEqualTo(location);
    }
}
