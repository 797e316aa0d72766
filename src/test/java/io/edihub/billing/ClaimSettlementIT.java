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
import io.edihub.ops.Watchdog;
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
 * What happens after the customer says "not these", on the whole hub with its real broker, SFTP server and PostgreSQL:
 * an 850 for one month, dispatched and shipped; an 861 accepting 80, returning 15 and disputing 5 gives an invoice for
 * 80 and one claim; an operator replaces the 15 (a replacement release on Kafka, shipped, accepted, invoiced once) and
 * accepts the 5 after all (invoiced once); the customer disputes 2 damaged units of the first invoice; the operator
 * credits them (a credit note at the invoice's 42.50 on Kafka); acme pays what is left (an 820) and the releases and
 * the order are CLOSED. Bad decisions and
 * bad claims are refused with a clear error and change nothing.
 */
@WholeHubTest
class ClaimSettlementIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REQUESTS = "edihub.release-requests.v1";
    private static final String INVOICES = "edihub.invoices.v1";
    private static final String CLAIMS = "edihub.claims.v1";
    private static final String CREDIT_NOTES = "edihub.credit-notes.v1";
    private static final String SHIPMENTS = "edihub.shipments.v1";
    private static final String PO = "CL-2001";

    @Autowired
    TestClock clock;
    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Watchdog watchdog;
    @Value("${edihub.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    PartnerSftpClient acme;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() throws Exception {
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        kafka = new KafkaTestClient(brokers, List.of(REQUESTS, INVOICES, CLAIMS, CREDIT_NOTES));
    }

    @AfterEach
    void disconnect() {
        acme.close();
        kafka.close();
    }

    @Test
    void rejectedGoodsAreReplacedOrAcceptedAfterAllInvoicedGoodsCreditedAndTheOrderCloses() throws Exception {
        clock.setDay(LocalDate.of(2026, 11, 20));
        acme.upload("cl-2001.edi", oneMonthOrder(PO, "000000781").getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> "PLANNED".equals(status(PO + "-01")));
        clock.setDay(LocalDate.of(2026, 12, 16));
        await().atMost(WAIT).until(() -> requested(PO + "-01"));
        kafka.send(SHIPMENTS, PO + "-01", FulfillmentBillingIT.shipment("SHP-CL-1", PO + "-01", "100"));
        await().atMost(WAIT).until(() -> "SHIPPED".equals(status(PO + "-01")));

        // 80 accepted, 15 returned, 5 disputed: one invoice for 80, one claim for 20
        clock.setDay(LocalDate.of(2027, 1, 20));
        acme.upload("cl-acc-1.edi", Acceptance861Samples.partial(PO, PO + "-01", "CL-ACC-1", "000000782")
                .getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> invoices().size() == 1);
        String firstInvoice = invoices().get(0).path("invoiceNumber").asText();
        JsonNode claim = only(get("/api/v1/claims?partner=acme&po=" + PO, "olivia", "olivia-secret"));
        long claimId = claim.path("id").asLong();
        assertThat(claim.path("kind").asText()).isEqualTo("BEFORE_INVOICE");
        assertThat(claim.path("status").asText()).isEqualTo("OPEN");
        assertThat(claim.path("lines").get(0).path("quantity").decimalValue()).isEqualByComparingTo("20");

        // nobody settles it for eleven days: the watchdog says so (acme's threshold is the hub's P10D)
        String unsettled = "CLAIM_UNSETTLED:acme:" + claim.path("claimNumber").asText();
        clock.setDay(LocalDate.of(2027, 1, 31));
        assertThat(watchdog.check().opened()).contains(unsettled);

        // a partner never settles its own claim
        assertThat(post("/api/v1/claims/" + claimId + "/settlement", "acme", "acme-secret",
                settlement("k-acme", "ACCEPT_AFTER_ALL", "we like them", "1", "5")).statusCode()).isEqualTo(403);
        // credit is for invoiced goods only; more than is claimed is refused; an unknown claim is a 404
        assertError(post("/api/v1/claims/" + claimId + "/settlement", "olivia", "olivia-secret",
                settlement("k-0", "CREDIT", "credit it", "1", "5")), 409, "NOT_FOR_THIS_CLAIM");
        assertError(post("/api/v1/claims/" + claimId + "/settlement", "olivia", "olivia-secret",
                settlement("k-0", "REPLACE", "too many", "1", "21")), 409, "OVER_CLAIMED");
        assertError(post("/api/v1/claims/999999/settlement", "olivia", "olivia-secret",
                settlement("k-0", "REPLACE", "nothing", "1", "1")), 404, "NOT_FOUND");

        // REPLACE the 15: a replacement release, requested from fulfillment like any release
        HttpResponse<String> replaced = post("/api/v1/claims/" + claimId + "/settlement", "olivia", "olivia-secret",
                settlement("k-1", "REPLACE", "damaged in transit, send new ones", "1", "15"));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonNode settling = CanonicalJson.MAPPER.readTree(replaced.body());
        assertThat(settling.path("status").asText()).isEqualTo("SETTLING");
        assertThat(settling.path("settlements").get(0).path("replacementRelease").asText()).isEqualTo(PO + "-01-R1");
        // the same decision again changes nothing
        assertThat(post("/api/v1/claims/" + claimId + "/settlement", "olivia", "olivia-secret",
                settlement("k-1", "REPLACE", "damaged in transit, send new ones", "1", "15")).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from order_release where replaces = ?", Integer.class, PO + "-01"))
                .isEqualTo(1);
        await().atMost(WAIT).until(() -> requested(PO + "-01-R1"));
        JsonNode request = CanonicalJson.MAPPER.readTree(kafka.on(REQUESTS).stream()
                .filter(r -> r.key().equals(PO + "-01-R1")).findFirst().orElseThrow().value());
        assertThat(request.path("lines").get(0).path("quantity").decimalValue()).isEqualByComparingTo("15");
        kafka.send(SHIPMENTS, PO + "-01-R1", FulfillmentBillingIT.shipment("SHP-CL-R1", PO + "-01-R1", "15"));
        await().atMost(WAIT).until(() -> "SHIPPED".equals(status(PO + "-01-R1")));
        acme.upload("cl-acc-r1.edi", Acceptance861Samples.of(PO, PO + "-01-R1", "CL-ACC-R1", "000000783",
                "RCD*1*15*EA").getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> invoices().size() == 2);
        assertThat(invoices().get(1).path("releaseId").asText()).isEqualTo(PO + "-01-R1");
        assertThat(invoices().get(1).path("total").decimalValue()).isEqualByComparingTo("637.50");
        // accepted (BRA02) 2027-01-20, invoiced 2027-01-31: acme's terms run from the later, the invoice date
        assertThat(invoices().get(1).path("acceptanceDate").asText()).isEqualTo("2027-01-20");
        assertThat(invoices().get(1).path("termsFrom").asText()).isEqualTo("2027-01-31");
        assertThat(invoices().get(1).path("dueDate").asText()).isEqualTo("2027-03-02");
        assertThat(status(PO + "-01-R1")).as("all accepted and invoiced, the invoice not yet paid").isEqualTo("INVOICED");
        assertThat(status(PO + "-01")).as("the disputed 5 are still open").isEqualTo("INVOICED");

        // ACCEPT_AFTER_ALL the 5: invoiced once, through an acceptance of its own; the claim is settled
        HttpResponse<String> accepted = post("/api/v1/claims/" + claimId + "/settlement", "olivia", "olivia-secret",
                settlement("k-2", "ACCEPT_AFTER_ALL", "customer withdrew the dispute", null, null));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(CanonicalJson.MAPPER.readTree(accepted.body()).path("status").asText()).isEqualTo("SETTLED");
        assertThat(watchdog.check().closed()).contains(unsettled);
        await().atMost(WAIT).until(() -> invoices().size() == 3);
        assertThat(invoices().get(2).path("total").decimalValue()).isEqualByComparingTo("212.50");
        // accepted after all on the day of the decision, which the terms run from
        assertThat(invoices().get(2).path("acceptanceDate").asText()).isEqualTo("2027-01-31");
        assertThat(invoices().get(2).path("termsFrom").asText()).isEqualTo("2027-01-31");
        assertThat(invoices().get(2).path("discountDate").asText()).isEqualTo("2027-02-10");
        assertThat(invoices().get(2).path("discountAllowed").decimalValue()).isEqualByComparingTo("4.25");
        assertError(post("/api/v1/claims/" + claimId + "/settlement", "olivia", "olivia-secret",
                settlement("k-3", "WRITE_OFF", "again", null, null)), 409, "ALREADY_SETTLED");
        assertThat(status(PO + "-01")).as("no claim open, the invoices not yet paid").isEqualTo("INVOICED");
        assertThat(orderStatus()).isEqualTo("OPEN");

        // later, acme disputes 2 damaged units of the first invoice; bad claims first, each refused
        String dispute = """
                {"reference": "ADJ-77", "invoiceNumber": "%s", "currency": "%s", "reason": "damaged",
                 "lines": [{"lineNumber": "1", "quantity": %s}]}""";
        assertError(post("/api/v1/claims", "acme", "acme-secret", dispute.formatted("EDH-99999999", "USD", "2")), 404,
                "UNKNOWN_INVOICE");
        assertError(post("/api/v1/claims", "acme", "acme-secret", dispute.formatted(firstInvoice, "EUR", "2")), 422,
                "OTHER_CURRENCY");
        assertError(post("/api/v1/claims", "acme", "acme-secret", dispute.formatted(firstInvoice, "USD", "81")), 422,
                "OVER_INVOICED");
        assertError(post("/api/v1/claims", "acme", "acme-secret", dispute.formatted(firstInvoice, "USD", "-2")), 422,
                "NOT_POSITIVE");
        assertError(post("/api/v1/claims", "acme", "acme-secret", """
                {"reference": "ADJ-75", "invoiceNumber": "%s", "currency": "USD", "reason": "price",
                 "lines": [{"lineNumber": "1", "quantity": 2, "unitPrice": 40.00}]}""".formatted(firstInvoice)), 422,
                "OTHER_PRICE");
        // an 812 for more than the invoice billed: the 997 rejects the set, nothing is raised
        clock.advance(Duration.ofHours(1));
        acme.upload("cl-812-over.edi", adjustment812("ADJ-76", firstInvoice, "81", "000000784").getBytes(StandardCharsets.US_ASCII));
        String rejected = await().atMost(WAIT).until(() -> acme.functionalAckTo("000000784"), a -> a != null);
        assertThat(rejected).contains("AK1*CD*784").contains("AK5*R");
        String report = await().atMost(WAIT).until(() -> acme.list("error").stream()
                .filter(n -> n.endsWith("cl-812-over.edi.error.txt")).findFirst().orElse(null), n -> n != null);
        assertThat(acme.read("error/" + report)).contains("81 claimed, but invoice " + firstInvoice + " billed 80")
                .contains("OVER_INVOICED");
        assertThat(jdbc.queryForObject("select count(*) from claim where source_ref = 'ADJ-76'", Integer.class)).isZero();
        // the 812 for 2 damaged units: accepted, a claim on the invoice
        acme.upload("cl-812.edi", adjustment812("ADJ-77", firstInvoice, "2", "000000785").getBytes(StandardCharsets.US_ASCII));
        String accepted812 = await().atMost(WAIT).until(() -> acme.functionalAckTo("000000785"), a -> a != null);
        assertThat(accepted812).contains("AK1*CD*785").contains("AK5*A");
        JsonNode onInvoice = CanonicalJson.MAPPER.readTree(get("/api/v1/claims?po=" + PO, "acme", "acme-secret").body())
                .path("claims").get(0);
        assertThat(onInvoice.path("kind").asText()).isEqualTo("AFTER_INVOICE");
        assertThat(onInvoice.path("sourceRef").asText()).isEqualTo("ADJ-77");
        assertThat(onInvoice.path("invoiceNumber").asText()).isEqualTo(firstInvoice);
        // the same dispute again, now over HTTP, is the same claim
        assertThat(post("/api/v1/claims", "acme", "acme-secret", dispute.formatted(firstInvoice, "USD", "2")).statusCode())
                .isEqualTo(200);
        // another partner sees none of acme's claims
        assertThat(CanonicalJson.MAPPER.readTree(get("/api/v1/claims?po=" + PO, "globex", "globex-secret").body())
                .path("count").asInt()).isZero();
        long afterId = onInvoice.path("id").asLong();
        assertError(post("/api/v1/claims/" + afterId + "/settlement", "olivia", "olivia-secret",
                settlement("k-4", "REPLACE", "after invoicing", null, null)), 409, "NOT_FOR_THIS_CLAIM");

        // CREDIT: a credit note at the invoice's price, on Kafka, never above what was billed
        HttpResponse<String> credited = post("/api/v1/claims/" + afterId + "/settlement", "olivia", "olivia-secret",
                settlement("k-5", "CREDIT", "two tablets arrived cracked", null, null));
        assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);
        JsonNode settled = CanonicalJson.MAPPER.readTree(credited.body());
        assertThat(settled.path("status").asText()).isEqualTo("SETTLED");
        String creditNoteNumber = settled.path("settlements").get(0).path("creditNoteNumber").asText();
        await().atMost(WAIT).until(() -> !kafka.on(CREDIT_NOTES).isEmpty());
        KafkaTestClient.Received event = kafka.on(CREDIT_NOTES).stream().filter(r -> r.key().equals(creditNoteNumber))
                .findFirst().orElseThrow();
        JsonNode note = Schemas.valid("credit-note.v1", event.value());
        assertThat(event.headers()).containsEntry("ce_id", "credit-note:" + creditNoteNumber);
        assertThat(note.path("invoiceNumber").asText()).isEqualTo(firstInvoice);
        assertThat(note.path("lines").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("42.50");
        assertThat(note.path("total").decimalValue()).isEqualByComparingTo("85.00");
        assertThat(jdbc.queryForObject("select credited from invoice where invoice_number = ?", BigDecimal.class,
                firstInvoice)).isEqualByComparingTo("85.00");
        assertThat(jdbc.queryForObject("select sum(credited) from release_line where release_id = ?", BigDecimal.class,
                PO + "-01")).isEqualByComparingTo("2");
        // acme takes its credit notes as an 810 with BIG07 CR, naming the invoice it credits
        await().atMost(WAIT).until(() -> acme.list("outbound").stream().anyMatch(n -> n.startsWith("810-")
                && n.endsWith("-" + creditNoteNumber + ".x12")));
        String memo = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.startsWith("810-")
                && n.endsWith("-" + creditNoteNumber + ".x12")).findFirst().orElseThrow());
        assertThat(memo).contains("*" + creditNoteNumber + "*").contains("*CR~").contains("REF*OI*" + firstInvoice)
                .contains("IT1*1*2*EA*42.5").contains("TDS*8500");
        // every claim step is on edihub.claims.v1 and valid against its schema
        await().atMost(WAIT).until(() -> kafka.on(CLAIMS).stream().anyMatch(r -> r.value().contains("\"SETTLED\"")
                && r.value().contains(settled.path("claimNumber").asText())));
        for (KafkaTestClient.Received step : kafka.on(CLAIMS)) {
            if (step.headers().get("ce_type").equals("io.edihub.claim-step.v1")) {
                Schemas.valid("claim-step.v1", step.value());
            }
        }
        assertThat(status(PO + "-01")).isEqualTo("INVOICED");
        assertThat(orderStatus()).isEqualTo("OPEN");

        // the JSON form of an 812 over SFTP, for 1 unit of the invoice of the 5 accepted after all; denied: an 824 says why
        String thirdInvoice = invoices().get(2).path("invoiceNumber").asText();
        acme.upload("adj-78.json", """
                {"adjustmentNumber": "ADJ-78", "adjustmentDate": "2027-02-06", "invoiceNumber": "%s", "direction": "credit",
                 "amount": "42.50", "currency": "USD", "reasonText": "ONE MORE CRACKED",
                 "lines": [{"lineNumber": "1", "reason": "04", "quantity": 1, "unit": "EA", "amount": "42.50"}]}
                """.formatted(thirdInvoice).getBytes(StandardCharsets.UTF_8));
        String answerName = await().atMost(WAIT).until(() -> acme.list("outbound").stream()
                .filter(n -> n.endsWith("adj-78.json.response.json")).findFirst().orElse(null), n -> n != null);
        JsonNode answer = CanonicalJson.MAPPER.readTree(acme.read("outbound/" + answerName));
        assertThat(answer.path("status").asText()).as(answer.toString()).isEqualTo("ACCEPTED");
        long jsonClaim = Long.parseLong(answer.path("claims").get(0).asText().substring(4));
        HttpResponse<String> denied = post("/api/v1/claims/" + jsonClaim + "/settlement", "olivia", "olivia-secret",
                settlement("k-6", "DENY", "the unit was signed for in good order", null, null));
        assertThat(denied.statusCode()).as(denied.body()).isEqualTo(200);
        assertThat(CanonicalJson.MAPPER.readTree(denied.body()).path("status").asText()).isEqualTo("DENIED");
        String claimNumber = CanonicalJson.MAPPER.readTree(denied.body()).path("claimNumber").asText();
        await().atMost(WAIT).until(() -> acme.list("outbound").stream().anyMatch(n -> n.startsWith("824-")
                && n.endsWith("-" + claimNumber + ".x12")));
        String advice = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.startsWith("824-")
                && n.endsWith("-" + claimNumber + ".x12")).findFirst().orElseThrow());
        assertThat(advice).contains("OTI*TR").contains("ADJ-78").contains("TED*ZZZ*the unit was signed for in good order");
        assertThat(jdbc.queryForObject("select credited from invoice where invoice_number = ?", BigDecimal.class,
                thirdInvoice)).isZero();
        // the CSV form over HTTP, naming an invoice that is not ours: 404 with the reason, nothing raised
        HttpResponse<String> unknown = new HubHttp(port).post("/api/v1/claims", "acme", "acme-secret", """
                adjustment_number,adjustment_date,invoice_number,direction,amount,currency,line_number,quantity,unit,line_amount
                ADJ-79,2027-02-06,EDH-99999999,credit,42.50,USD,1,1,EA,42.50
                """);
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.body()).contains("UNKNOWN_INVOICE").contains("EDH-99999999");
        assertThat(jdbc.queryForObject("select count(*) from claim where source_ref = 'ADJ-79'", Integer.class)).isZero();

        // acme pays what is open on the three invoices (the first less its credit note): both releases and the order
        // close
        String secondInvoice = invoices().get(1).path("invoiceNumber").asText();
        acme.upload("cl-820.edi", Remittance820.payment("PAY-CL-1", LocalDate.of(2027, 2, 6))
                .invoice(firstInvoice, "3315.00", "3400.00", null)
                .invoice(secondInvoice, "637.50", "637.50", null)
                .invoice(thirdInvoice, "212.50", "212.50", null).interchange("000000786").getBytes(StandardCharsets.US_ASCII));
        assertThat(await().atMost(WAIT).until(() -> acme.functionalAckTo("000000786"), a -> a != null)).contains("AK1*RA*786")
                .contains("AK5*A");
        assertThat(status(PO + "-01")).isEqualTo("CLOSED");
        assertThat(status(PO + "-01-R1")).isEqualTo("CLOSED");
        assertThat(orderStatus()).isEqualTo("CLOSED");

        // a closed order takes no further change
        JsonNode timeline = CanonicalJson.MAPPER.readTree(get("/api/v1/orders/acme/" + PO + "/timeline", "olivia",
                "olivia-secret").body());
        assertThat(timeline.path("status").asText()).isEqualTo("CLOSED");
        List<String> story = new java.util.ArrayList<>();
        timeline.path("entries").forEach(e -> story.add(e.path("kind").asText()));
        assertThat(story).contains("RELEASE_CLOSED", "ORDER_CLOSED", "CREDITED");
    }


    /** An acme 812: a credit adjustment of {@code quantity} tablets at 42.50 on one of our invoices. */
    private static String adjustment812(String number, String invoice, String quantity, String isa13) {
        int group = Integer.parseInt(isa13);
        String cents = new BigDecimal(quantity).multiply(new BigDecimal("4250")).toBigInteger().toString();
        return String.join("~\n",
                "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *270205*0915*U*00401*" + isa13 + "*0*P*>",
                "GS*CD*ACMEFED*EDIHUB*20270205*0915*" + group + "*X*004010",
                "ST*812*0001",
                "BCD*20270205*" + number + "*I*" + cents + "*C*20270120*" + invoice + "**20261120*" + PO + "*00",
                "CUR*BY*USD",
                "N9*L1**TWO TABLETS ARRIVED CRACKED",
                "N1*BY*ACME FEDERAL PROCUREMENT*92*ACME-HQ",
                "N1*SU*EDI HUB SUPPLIES*92*V-0042-EDIHUB",
                "CDD*04*C**" + cents + "***" + quantity + "*EA**CON*42.5",
                "LIN*1*BP*ACM-77812*VP*EH-1001",
                "SE*9*0001",
                "GE*1*" + group,
                "IEA*1*" + isa13) + "~\n";
    }

    private boolean requested(String releaseId) {
        return kafka.on(REQUESTS).stream().anyMatch(r -> r.key().equals(releaseId));
    }

    private List<JsonNode> invoices() {
        return kafka.ofPo(INVOICES, PO);
    }

    private JsonNode only(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode claims = CanonicalJson.MAPPER.readTree(response.body()).path("claims");
        assertThat(claims).hasSize(1);
        return claims.get(0);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(CanonicalJson.MAPPER.readTree(response.body()).path("errors").get(0).path("code").asText()).isEqualTo(code);
    }

    private static String settlement(String key, String decision, String reason, String line, String quantity) {
        return "{\"settlementKey\": \"" + key + "\", \"decision\": \"" + decision + "\", \"reason\": \"" + reason + "\""
                + (line == null ? "" : ", \"lines\": [{\"lineNumber\": \"" + line + "\", \"quantity\": " + quantity + "}]")
                + "}";
    }

    private String status(String releaseId) {
        return jdbc.queryForList("select status from order_release where partner_id = 'acme' and release_id = ?",
                String.class, releaseId).stream().findFirst().orElse(null);
    }

    private String orderStatus() {
        return jdbc.queryForObject("select status from purchase_order where partner_id = 'acme' and po_number = ?",
                String.class, PO);
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return new HubHttp(port).get(path, user, password);
    }

    private HttpResponse<String> post(String path, String user, String password, String body) throws Exception {
        return new HubHttp(port).postJson(path, user, password, body);
    }

    /** An acme 850: line 1, 100 tablets at 43.00 (the contract says 42.50), due 2027-01-15. */
    static String oneMonthOrder(String po, String isa13) {
        return String.join("~\n",
                "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *261120*0800*U*00401*" + isa13 + "*0*P*>",
                "GS*PO*ACMEFED*EDIHUB*20261120*0800*" + Integer.parseInt(isa13) + "*X*004010",
                "ST*850*0001",
                "BEG*00*SA*" + po + "**20261120*GSA-47QSWA-2026",
                "CUR*BY*USD",
                "N1*ST*ACME DEPOT 12*92*DEPOT12",
                "PO1*1*100*EA*43.00*PE*BP*ACM-77812*VP*EH-1001",
                "PID*F****RUGGED TABLET 10 INCH",
                "SCH*100*EA***002*20270115",
                "CTT*1",
                "SE*9*0001",
                "GE*1*" + Integer.parseInt(isa13),
                "IEA*1*" + isa13) + "~\n";
    }
}
