package io.edihub.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.KafkaTestClient;
import io.edihub.PartnerSftpClient;
import io.edihub.TestClock;
import io.edihub.WholeHubTest;
import io.edihub.canonical.CanonicalJson;
import io.edihub.local.LocalSftpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input to fulfillment and billing on the whole hub: every case gets a clear error, an alert on
 * {@code edihub.alerts.v1}, keeps what was sent, and bills nothing (and nothing twice). Also the 997s
 * partners send about our documents, and implicit acceptance for a partner whose profile asks for it.
 */
@WholeHubTest
class BillingBadInputIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SHIPMENTS = "edihub.shipments.v1";
    private static final String ALERTS = "edihub.alerts.v1";
    private static final String INVOICES = "edihub.invoices.v1";

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CamelContext camel;
    @Value("${edihub.kafka.brokers}")
    String brokers;

    private final HttpClient http = HttpClient.newHttpClient();
    PartnerSftpClient acme;
    KafkaTestClient kafka;
    /** The last shipment and received 997 before this test: the shared hub holds other tests' rows too. */
    long shipmentsBefore;
    long acknowledgmentsBefore;

    @BeforeEach
    void connect() throws Exception {
        shipmentsBefore = jdbc.queryForObject("select coalesce(max(id), 0) from shipment", Long.class);
        acknowledgmentsBefore = jdbc.queryForObject("select coalesce(max(id), 0) from received_acknowledgment", Long.class);
        // the supervising route controller starts routes after the context, and platform-http maps them after
        // that: until then the API answers 404 (an empty acceptance is answered 400 once it is mapped)
        await().atMost(WAIT).until(() -> camel.getRoutes().stream()
                .allMatch(r -> camel.getRouteController().getRouteStatus(r.getRouteId()).isStarted())
                && post("/api/v1/acceptances", "acme", "acme-secret", "").statusCode() == 400);
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        kafka = new KafkaTestClient(brokers, List.of(ALERTS, INVOICES));
    }

    @AfterEach
    void disconnect() {
        acme.close();
        kafka.close();
    }

    /** An acme order over HTTP for 100 tablets due on the 15th of January 2027, requested and shipped in full. */
    private void shippedRelease(String po) throws Exception {
        String order = """
                {"poNumber": "%s", "orderDate": "2026-11-20", "currency": "USD", "lines": [{"lineNumber": "1",
                  "buyerPart": "ACM-77812", "vendorPart": "EH-1001", "quantity": 100, "unit": "EA", "unitPrice": 42.50,
                  "schedule": [{"quantity": 100, "deliveryDate": "2027-01-15"}]}]}
                """.formatted(po);
        assertThat(post("/api/v1/orders", "acme", "acme-secret", order).statusCode()).isEqualTo(201);
        clock.setDay(LocalDate.of(2026, 12, 20));
        await().atMost(WAIT).until(() -> "DISPATCHED".equals(status("acme", po + "-01")));
        kafka.send(SHIPMENTS, po + "-01", FulfillmentBillingIT.shipment("SHP-" + po, po + "-01", "100"));
        await().atMost(WAIT).until(() -> "SHIPPED".equals(status("acme", po + "-01")));
    }

    private static String acceptance(String id, String po, String accepted, String returned) {
        return """
                {"acceptanceId": "%s", "poNumber": "%s", "releaseId": "%s-01", "acceptedOn": "2027-01-20",
                 "lines": [{"lineNumber": "1", "accepted": %s, "returned": %s, "unit": "EA", "condition": "DAMAGED"}]}
                """.formatted(id, po, po, accepted, returned);
    }

    @Test
    void shipmentsThatCannotBeAppliedAreKeptAsExceptionsAndAlerted() throws Exception {
        kafka.send(SHIPMENTS, "x", "{\"shipmentId\": \"SHP-BROKEN\", \"lines\": [");
        kafka.send(SHIPMENTS, "NO-SUCH-01", FulfillmentBillingIT.shipment("SHP-UNKNOWN", "NO-SUCH-01", "5"));
        await().atMost(WAIT).until(() -> alerts().stream().filter(a -> a.path("kind").asText().equals("SHIPMENT_REFUSED"))
                .count() == 2);
        assertThat(alerts()).extracting(a -> a.path("detail").asText())
                .anyMatch(d -> d.contains("cannot be read"))
                .anyMatch(d -> d.contains("release NO-SUCH-01 of partner acme is not on file") && d.contains("UNKNOWN_RELEASE"));
        // both kept as they came, with the reason
        assertThat(jdbc.queryForList("select payload from shipment where status = 'EXCEPTION' and id > ?", String.class,
                shipmentsBefore))
                .anyMatch(p -> p.startsWith("{\"shipmentId\": \"SHP-BROKEN\"")).hasSize(2);

        // more than the release asked for, and a release fulfillment was never asked for
        shippedRelease("BAD-SHIP");
        kafka.send(SHIPMENTS, "BAD-SHIP-01", FulfillmentBillingIT.shipment("SHP-OVER", "BAD-SHIP-01", "1"));
        String order = """
                {"poNumber": "BAD-EARLY", "orderDate": "2026-11-20", "lines": [{"lineNumber": "1", "buyerPart": "ACM-77812",
                  "vendorPart": "EH-1001", "quantity": 10, "unit": "EA", "unitPrice": 42.50,
                  "schedule": [{"quantity": 10, "deliveryDate": "2027-06-15"}]}]}
                """;
        assertThat(post("/api/v1/orders", "acme", "acme-secret", order).statusCode()).isEqualTo(201);
        kafka.send(SHIPMENTS, "BAD-EARLY-01", FulfillmentBillingIT.shipment("SHP-EARLY", "BAD-EARLY-01", "10"));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from shipment where status = 'EXCEPTION' "
                + "and id > ?", Integer.class, shipmentsBefore) == 4);
        assertThat(jdbc.queryForList("select error from shipment where shipment_id in ('SHP-OVER', 'SHP-EARLY') "
                + "order by shipment_id", String.class)).satisfiesExactly(
                        early -> assertThat(early).startsWith("RELEASE_NOT_SHIPPABLE").contains("never requested"),
                        over -> assertThat(over).startsWith("OVER_SHIPMENT").contains("1 shipped, but only 0"));
        assertThat(jdbc.queryForObject("select shipped from release_line where release_id = 'BAD-SHIP-01'", Integer.class))
                .isEqualTo(100);

        // the same event delivered twice is applied once
        kafka.send(SHIPMENTS, "BAD-SHIP-01", FulfillmentBillingIT.shipment("SHP-BAD-SHIP", "BAD-SHIP-01", "100"));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from shipment where shipment_id = 'SHP-BAD-SHIP'",
                Integer.class) == 2);
        assertThat(jdbc.queryForList("select status from shipment where shipment_id = 'SHP-BAD-SHIP' order by id",
                String.class)).containsExactly("APPLIED", "DUPLICATE");
    }

    @Test
    void acceptancesThatDoNotFitWhatWasShippedAreRefusedAndNothingIsBilledTwice() throws Exception {
        shippedRelease("BAD-ACC");

        HttpResponse<String> over = post("/api/v1/acceptances", "acme", "acme-secret", acceptance("A-OVER", "BAD-ACC", "90", "20"));
        assertThat(over.statusCode()).isEqualTo(422);
        assertThat(over.body()).contains("OVER_ACCEPTANCE").contains("90 accepted + 20 rejected = 110, but 100 were shipped");

        HttpResponse<String> negative = post("/api/v1/acceptances", "acme", "acme-secret",
                acceptance("A-NEG", "BAD-ACC", "-5", "0"));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("NEGATIVE_QUANTITY").contains("/lines/0/accepted");

        HttpResponse<String> unknown = post("/api/v1/acceptances", "acme", "acme-secret",
                acceptance("A-UNK", "NO-SUCH", "1", "0"));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("UNKNOWN_RELEASE");

        HttpResponse<String> taken = post("/api/v1/acceptances", "acme", "acme-secret", acceptance("A-OK", "BAD-ACC", "95", "5"));
        assertThat(taken.statusCode()).isEqualTo(201);
        JsonNode result = CanonicalJson.MAPPER.readTree(taken.body()).path("acceptances").get(0);
        assertThat(result.path("result").asText()).isEqualTo("INVOICED");
        assertThat(result.path("invoiceTotal").decimalValue()).isEqualByComparingTo("4037.50");
        HttpResponse<String> again = post("/api/v1/acceptances", "acme", "acme-secret", acceptance("A-OK", "BAD-ACC", "95", "5"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("DUPLICATE_ACCEPTANCE");

        // an 861 for a PO and release the hub does not know: the 997 rejects the set and says why
        acme.upload("unknown.edi", Acceptance861Samples.partial("NO-PO", "NO-PO-01", "A-861", "000000601")
                .getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> acme.list("error").stream().anyMatch(n -> n.endsWith("unknown.edi.error.txt")));
        String report = acme.read("error/" + acme.list("error").stream().filter(n -> n.endsWith("unknown.edi.error.txt"))
                .findFirst().orElseThrow());
        assertThat(report).contains("release NO-PO-01 is not on file for acme").contains("UNKNOWN_RELEASE");
        String ack = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.endsWith("-for-000000601.x12"))
                .findFirst().orElseThrow());
        assertThat(ack).contains("AK1*RC*601").contains("AK5*R").contains("AK9*R");

        await().atMost(WAIT).until(() -> alerts().stream().filter(a -> a.path("kind").asText().equals("ACCEPTANCE_REFUSED"))
                .count() == 5);
        assertThat(jdbc.queryForObject("select count(*) from invoice where release_id = 'BAD-ACC-01'", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("select invoiced from release_line where release_id = 'BAD-ACC-01'", Integer.class))
                .isEqualTo(95);
        await().atMost(WAIT).until(() -> kafka.on(INVOICES).stream().filter(r -> r.value().contains("\"BAD-ACC-01\""))
                .count() == 1);
        // every refused document is kept
        assertThat(jdbc.queryForObject("select count(*) from inbound_document where outcome = 'REJECTED'", Integer.class))
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aCsvAcceptanceUploadedOverSftpIsInvoicedAndAnsweredWithAResponseFile() throws Exception {
        shippedRelease("CSV-ACC");
        acme.upload("acceptance.csv", """
                acceptance_id,po_number,release_id,accepted_on,line_number,accepted,returned,disputed,unit,condition,reason
                RA-CSV-1,CSV-ACC,CSV-ACC-01,2027-01-20,1,60,30,10,EA,DAMAGED,crushed cartons
                """.getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> acme.list("outbound").stream().anyMatch(n -> n.endsWith("-acceptance.csv.response.json")));
        JsonNode answer = CanonicalJson.MAPPER.readTree(acme.read("outbound/" + acme.list("outbound").stream()
                .filter(n -> n.endsWith("-acceptance.csv.response.json")).findFirst().orElseThrow()));
        assertThat(answer.path("status").asText()).isEqualTo("ACCEPTED");
        JsonNode result = answer.path("acceptances").get(0);
        assertThat(result.path("result").asText()).isEqualTo("INVOICED");
        assertThat(result.path("invoiceTotal").decimalValue()).isEqualByComparingTo("2550.00");
        assertThat(result.path("claims").asInt()).isOne();
        assertThat(jdbc.queryForList("select l.returned || '/' || l.disputed || ' ' || c.condition from claim c "
                + "join claim_line l on l.claim = c.id where c.release_id = 'CSV-ACC-01'", String.class)).singleElement().asString()
                .matches("30(\\.0+)?/10(\\.0+)? DAMAGED");
        assertThat(jdbc.queryForObject("select status from order_release where release_id = 'CSV-ACC-01'", String.class))
                .isEqualTo("INVOICED");
    }

    @Test
    void partnersAcknowledgmentsOfOurInvoicesAreMatchedAndARejectionIsAlerted() throws Exception {
        shippedRelease("ACK-810");
        assertThat(post("/api/v1/acceptances", "acme", "acme-secret", acceptance("A-810", "ACK-810", "100", "0"))
                .statusCode()).isEqualTo(201);
        String group = jdbc.queryForObject("select o.group_control_number from outbound_document o join invoice i "
                + "on o.file_name like '%' || i.invoice_number || '.x12' where i.release_id = 'ACK-810-01'", String.class);
        assertThat(group).isNotBlank();
        acme.upload("997-rejecting-810.edi", PartnerFunctionalAcks.about("000000701", "IN", group, "810", "R").getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> alerts().stream().anyMatch(a -> a.path("kind").asText().equals("DOCUMENT_REJECTED")));
        assertThat(jdbc.queryForObject("select acknowledged from outbound_document where kind = '810' "
                + "and group_control_number = ?", String.class, group)).isEqualTo("R");
        // a 997 is never answered with a 997
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from inbound_document "
                + "where file_name = '997-rejecting-810.edi' and completed_at is not null", Integer.class) == 1);
        assertThat(jdbc.queryForObject("select count(*) from received_acknowledgment where id > ?", Integer.class,
                acknowledgmentsBefore)).isOne();
        assertThat(acme.list("outbound")).noneMatch(n -> n.endsWith("-for-000000701.x12"));
    }

    @Test
    void aPartnerWithImplicitAcceptanceIsInvoicedWhenItSaysNothingForThirtyDays() throws Exception {
        String order = """
                {"poNumber": "GX-IMPLICIT", "orderDate": "2026-11-20", "lines": [{"lineNumber": "10", "buyerPart": "GLX-4411",
                  "vendorPart": "EH-3300", "quantity": 600, "unit": "EA", "unitPrice": 10.10,
                  "schedule": [{"quantity": 600, "deliveryDate": "2027-01-10"}]}]}
                """;
        assertThat(post("/api/v1/orders", "globex", "globex-secret", order).statusCode()).isEqualTo(201);
        clock.setDay(LocalDate.of(2026, 12, 1));
        await().atMost(WAIT).until(() -> "DISPATCHED".equals(status("globex", "GX-IMPLICIT-202701")));
        kafka.send(SHIPMENTS, "GX-IMPLICIT-202701", """
                {"shipmentId": "SHP-GX-1", "partnerId": "globex", "releaseId": "GX-IMPLICIT-202701", "shipDate": "2026-12-05",
                 "lines": [{"lineNumber": "10", "quantity": 600}]}
                """);
        await().atMost(WAIT).until(() -> "SHIPPED".equals(status("globex", "GX-IMPLICIT-202701")));
        clock.setDay(LocalDate.of(2027, 1, 3));
        assertThat(jdbc.queryForObject("select count(*) from acceptance where release_id = 'GX-IMPLICIT-202701'",
                Integer.class)).as("29 days after shipping: not yet").isZero();
        clock.setDay(LocalDate.of(2027, 1, 4));
        // everything shipped is accepted and invoiced, nothing rejected: the release waits only for the invoice's payment
        await().atMost(WAIT).until(() -> "INVOICED".equals(status("globex", "GX-IMPLICIT-202701")));
        assertThat(jdbc.queryForObject("select implicit from acceptance where release_id = 'GX-IMPLICIT-202701'",
                Boolean.class)).isTrue();
        await().atMost(WAIT).until(() -> kafka.on(INVOICES).stream().anyMatch(r -> r.value().contains("GX-IMPLICIT-202701")));
    }

    private List<JsonNode> alerts() {
        return kafka.on(ALERTS).stream().map(r -> {
            try {
                return Schemas.valid("alert.v1", r.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private String status(String partner, String releaseId) {
        return jdbc.queryForList("select status from order_release where partner_id = ? and release_id = ?", String.class,
                partner, releaseId).stream().findFirst().orElse(null);
    }

    private HttpResponse<String> post(String path, String user, String password, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
