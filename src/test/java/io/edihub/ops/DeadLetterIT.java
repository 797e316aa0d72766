package io.edihub.ops;

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
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dead letters on the whole hub. Technical failures are made real by database triggers that refuse to store
 * an input carrying a marker (as a broken constraint or a bug would), and "removing the cause" drops the
 * marker: a poison SFTP file is retried, kept with its route, error, time and bytes, parked after
 * {@code max-attempts} and answered in error/, listed over HTTP, replayed once by an operator (a second replay
 * is a duplicate, and bypassing the interchange check still takes nothing twice); a poison shipment is parked
 * and the partition moves on; a transient failure recovers without being parked; a failed API request is kept.
 */
@WholeHubTest
class DeadLetterIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SHIPMENTS = "edihub.shipments.v1";

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
    @Autowired
    MeterRegistry meters;
    @Value("${edihub.kafka.brokers}")
    String brokers;

    HubHttp hub;
    PartnerSftpClient acme;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() throws Exception {
        hub = new HubHttp(port);
        await().atMost(WAIT).until(() -> camel.getRoutes().stream()
                .allMatch(r -> camel.getRouteController().getRouteStatus(r.getRouteId()).isStarted())
                && hub.get("/api/v1/dead-letters", "olivia", "olivia-secret").statusCode() == 200);
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        kafka = new KafkaTestClient(brokers, List.of());
        // the "bug": storing an input that carries a poisoned marker fails, until the marker is taken out
        jdbc.execute("""
                create table if not exists test_poison (marker text primary key);
                create sequence if not exists test_transient_failures;
                create or replace function test_poison_input() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from test_poison p where convert_from(new.content, 'UTF8') like '%' || p.marker || '%') then
                        raise exception 'test fault: input carries a poisoned marker';
                    end if;
                    if convert_from(new.content, 'UTF8') like '%TRANSIENT%' and nextval('test_transient_failures') <= 2 then
                        raise exception 'test fault: the database hiccuped';
                    end if;
                    return new;
                end $$;
                create or replace function test_poison_shipment() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from test_poison p where new.payload like '%' || p.marker || '%') then
                        raise exception 'test fault: shipment carries a poisoned marker';
                    end if;
                    return new;
                end $$;
                drop trigger if exists test_poison_input on inbound_document;
                create trigger test_poison_input before insert on inbound_document for each row
                    execute function test_poison_input();
                drop trigger if exists test_poison_shipment on shipment;
                create trigger test_poison_shipment before insert on shipment for each row
                    execute function test_poison_shipment();
                """);
    }

    /** The "bug" is this test's own: the other tests on the shared hub store their inputs untouched. */
    @AfterEach
    void disconnect() {
        jdbc.execute("""
                drop trigger if exists test_poison_input on inbound_document;
                drop trigger if exists test_poison_shipment on shipment;
                drop function if exists test_poison_input();
                drop function if exists test_poison_shipment();
                drop table if exists test_poison;
                drop sequence if exists test_transient_failures;
                """);
        acme.close();
        kafka.close();
    }

    @Test
    void aPoisonFileIsParkedAnsweredAndReplayedOnceByAnOperator() throws Exception {
        jdbc.update("insert into test_poison values ('POISON SFTP') on conflict do nothing");
        String x12 = Files.readString(Path.of("edi-samples/acme/standalone-no-schedule.edi"), StandardCharsets.US_ASCII)
                .replace("000000102", "000000901").replace("4500012400", "4500099001")
                .replace("PER*BD*JANE ROURKE", "PER*BD*POISON SFTP");
        acme.upload("poison.edi", x12.getBytes(StandardCharsets.US_ASCII));

        // retried while it fails: five attempts in a few seconds do not park it yet, ten minutes later they do
        await().atMost(WAIT).until(() -> attempts("sftp acme inbound/poison.edi") >= 5);
        assertThat(jdbc.queryForObject("select status from dead_letter where source = 'sftp acme inbound/poison.edi'",
                String.class)).isEqualTo("RETRYING");
        assertThat(acme.list("inbound")).contains("poison.edi");
        clock.advance(Duration.ofMinutes(11));
        // parked: out of inbound/, into error/ with a report for the partner
        await().atMost(WAIT).until(() -> acme.list("error").stream().anyMatch(n -> n.endsWith("-poison.edi.error.txt")));
        // the report is written first, the file moved when the poll that parked it completes
        await().atMost(WAIT).until(() -> acme.list("inbound").isEmpty());
        assertThat(acme.list("error")).anyMatch(n -> n.matches("dead-letter-\\d+-poison\\.edi"));
        String report = acme.read("error/" + acme.list("error").stream().filter(n -> n.endsWith("-poison.edi.error.txt"))
                .findFirst().orElseThrow());
        assertThat(report).contains("poison.edi from partner acme: NOT PROCESSED")
                .contains("A technical failure in the hub").contains("no need to send it again");
        Map<String, Object> row = jdbc.queryForMap("select * from dead_letter where source = 'sftp acme inbound/poison.edi'");
        assertThat(row.get("status")).isEqualTo("PARKED");
        assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(5);
        assertThat(row.get("route_id")).isEqualTo("receiveOrders-acme");
        assertThat(row.get("entry_point")).isEqualTo("direct:receivePartnerFile");
        assertThat(row.get("partner_id")).isEqualTo("acme");
        assertThat((String) row.get("error_message")).contains("test fault: input carries a poisoned marker");
        assertThat((String) row.get("stack_trace")).contains("PSQLException");
        assertThat(row.get("first_failed_at")).isNotNull();
        assertThat(new String((byte[]) row.get("body"), StandardCharsets.US_ASCII)).isEqualTo(x12);
        long id = ((Number) row.get("id")).longValue();
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where type = 'io.edihub.alert.v1' "
                + "and payload like '%INPUT_PARKED%' and message_key = ?", Integer.class, "dead-letter:" + id)).isOne();
        assertThat(meters.get("edihub.dead.letters").tag("status", "PARKED").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where po_number = '4500099001'", Integer.class))
                .isZero();

        // listed and shown over HTTP to an operator
        JsonNode listed = json(hub.get("/api/v1/dead-letters?status=PARKED&partner=acme", "olivia", "olivia-secret"));
        assertThat(listed.path("deadLetters").findValuesAsText("source")).contains("sftp acme inbound/poison.edi");
        JsonNode shown = json(hub.get("/api/v1/dead-letters/" + id, "olivia", "olivia-secret"));
        assertThat(shown.path("routeId").asText()).isEqualTo("receiveOrders-acme");
        assertThat(shown.path("bodyEncoding").asText()).isEqualTo("text");
        assertThat(shown.path("body").asText()).isEqualTo(x12);
        assertThat(shown.path("error").path("message").asText()).contains("poisoned marker");

        // a replay needs a reason
        assertThat(hub.postJson("/api/v1/dead-letters/" + id + "/replay", "olivia", "olivia-secret", "{}").statusCode())
                .isEqualTo(400);
        // the cause is removed: the replay takes it through today's routes, as olivia, with her reason
        jdbc.update("delete from test_poison where marker = 'POISON SFTP'");
        HttpResponse<String> replayed = hub.postJson("/api/v1/dead-letters/" + id + "/replay", "olivia", "olivia-secret",
                "{\"reason\": \"storage fault fixed (INC-4711)\"}");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(json(replayed).path("replay").path("outcome").asText()).isEqualTo("PROCESSED");
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where po_number = '4500099001'", Integer.class))
                .isOne();
        assertThat(acme.list("outbound")).anyMatch(n -> n.endsWith("-for-000000901.x12"));
        Map<String, Object> replay = jdbc.queryForMap("select * from dead_letter_replay where dead_letter_id = ?", id);
        assertThat(replay.get("replayed_by")).isEqualTo("olivia");
        assertThat(replay.get("reason")).isEqualTo("storage fault fixed (INC-4711)");
        assertThat(replay.get("replayed_at")).isNotNull();
        assertThat(jdbc.queryForObject("select status from dead_letter where id = ?", String.class, id)).isEqualTo("REPLAYED");

        // the same input again is a duplicate interchange: refused, nothing taken twice
        HttpResponse<String> again = hub.postJson("/api/v1/dead-letters/" + id + "/replay", "olivia", "olivia-secret",
                "{\"reason\": \"once more\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("DUPLICATE_INTERCHANGE");
        // bypassing the interchange check is recorded, and the order's own duplicate check still holds
        HttpResponse<String> bypassed = hub.postJson("/api/v1/dead-letters/" + id + "/replay", "olivia", "olivia-secret",
                "{\"reason\": \"partner reused the control number\", \"bypassDuplicates\": true}");
        assertThat(bypassed.statusCode()).as(bypassed.body()).isEqualTo(409);
        assertThat(bypassed.body()).contains("DUPLICATE_ORDER").doesNotContain("DUPLICATE_INTERCHANGE");
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where po_number = '4500099001'", Integer.class))
                .isOne();
        assertThat(jdbc.queryForList("select bypass_duplicates || ' ' || outcome from dead_letter_replay "
                + "where dead_letter_id = ? order by id", String.class, id))
                .containsExactly("false PROCESSED", "false DUPLICATE", "true DUPLICATE");
        assertThat(jdbc.queryForList("select kind from order_event where po_number = '4500099001'", String.class))
                .contains("REPLAYED", "REPLAYED_BYPASSING_DUPLICATES");
        JsonNode history = json(hub.get("/api/v1/dead-letters/" + id, "olivia", "olivia-secret"));
        assertThat(history.path("replays")).hasSize(3);
    }

    @Test
    void aTransientFailureThatRecoversIsNotParked() throws Exception {
        String order = """
                {"poNumber": "TRANSIENT-1", "orderDate": "2026-11-20", "currency": "USD", "lines": [{"lineNumber": "1",
                  "buyerPart": "ACM-77812", "vendorPart": "EH-1001", "quantity": 10, "unit": "EA", "unitPrice": 42.50,
                  "schedule": [{"quantity": 10, "deliveryDate": "2027-03-15"}]}]}
                """;
        acme.upload("transient.json", order.getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> acme.list("archive").stream().anyMatch(n -> n.endsWith("-transient.json")));
        Map<String, Object> row = jdbc.queryForMap("select * from dead_letter where source = 'sftp acme inbound/transient.json'");
        assertThat(row.get("attempts")).isEqualTo(2);
        assertThat(row.get("status")).isEqualTo("RECOVERED");
        assertThat(acme.list("error")).noneMatch(n -> n.contains("transient"));
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where po_number = 'TRANSIENT-1'", Integer.class))
                .isOne();
    }

    @Test
    void aPoisonShipmentIsParkedAndThePartitionMovesOn() throws Exception {
        String order = """
                {"poNumber": "DL-SHIP", "orderDate": "2026-11-20", "currency": "USD", "lines": [{"lineNumber": "1",
                  "buyerPart": "ACM-77812", "vendorPart": "EH-1001", "quantity": 100, "unit": "EA", "unitPrice": 42.50,
                  "schedule": [{"quantity": 100, "deliveryDate": "2027-01-15"}]}]}
                """;
        assertThat(hub.postJson("/api/v1/orders", "acme", "acme-secret", order).statusCode()).isEqualTo(201);
        clock.setDay(LocalDate.of(2026, 12, 20));
        await().atMost(WAIT).until(() -> "DISPATCHED".equals(status("DL-SHIP-01")));
        jdbc.update("insert into test_poison values ('SHP-POISON') on conflict do nothing");
        kafka.send(SHIPMENTS, "DL-SHIP-01", shipment("SHP-POISON-1", "DL-SHIP-01", "40"));
        kafka.send(SHIPMENTS, "DL-SHIP-01", shipment("SHP-GOOD-1", "DL-SHIP-01", "60"));
        // the poison record blocks the partition while it is retried, then it is parked and committed past
        await().atMost(WAIT).until(() -> jdbc.queryForObject("select coalesce(max(attempts), 0) from dead_letter "
                + "where route_id = 'receiveShipments'", Integer.class) >= 5);
        assertThat(jdbc.queryForObject("select count(*) from shipment where shipment_id = 'SHP-GOOD-1'", Integer.class))
                .isZero();
        clock.advance(Duration.ofMinutes(11));

        await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from shipment where shipment_id = 'SHP-GOOD-1' "
                + "and status = 'APPLIED'", Integer.class) == 1);
        Map<String, Object> row = jdbc.queryForMap("select * from dead_letter where route_id = 'receiveShipments'");
        assertThat(row.get("status")).isEqualTo("PARKED");
        assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(5);
        assertThat((String) row.get("source")).startsWith("kafka edihub.shipments.v1 partition ");
        assertThat(row.get("partner_id")).isEqualTo("acme");
        assertThat(new String((byte[]) row.get("body"), StandardCharsets.UTF_8)).contains("SHP-POISON-1");
        long id = ((Number) row.get("id")).longValue();

        jdbc.update("delete from test_poison where marker = 'SHP-POISON'");
        HttpResponse<String> replayed = hub.postJson("/api/v1/dead-letters/" + id + "/replay", "olivia", "olivia-secret",
                "{\"reason\": \"shipment table fixed\"}");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(status("DL-SHIP-01")).isEqualTo("SHIPPED");
        // a shipment id is applied once, whatever the operator bypasses
        HttpResponse<String> bypassed = hub.postJson("/api/v1/dead-letters/" + id + "/replay", "olivia", "olivia-secret",
                "{\"reason\": \"again\", \"bypassDuplicates\": true}");
        assertThat(bypassed.statusCode()).as(bypassed.body()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select shipped from release_line where release_id = 'DL-SHIP-01'", Integer.class))
                .isEqualTo(100);
    }

    @Test
    void aFailedApiRequestIsKeptAndPartnersCannotSeeDeadLetters() throws Exception {
        jdbc.update("insert into test_poison values ('POISON-HTTP') on conflict do nothing");
        String order = """
                {"poNumber": "POISON-HTTP-1", "orderDate": "2026-11-20", "currency": "USD", "lines": [{"lineNumber": "1",
                  "buyerPart": "ACM-77812", "vendorPart": "EH-1001", "quantity": 10, "unit": "EA", "unitPrice": 42.50}]}
                """;
        HttpResponse<String> failed = hub.postJson("/api/v1/orders", "acme", "acme-secret", order);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("quote request");
        Map<String, Object> row = jdbc.queryForMap("select * from dead_letter where source = 'http POST /api/v1/orders from acme'");
        assertThat(row.get("status")).isEqualTo("RETRYING");
        assertThat(row.get("entry_point")).isEqualTo("direct:receiveOrderOverHttp");
        assertThat(row.get("partner_id")).isEqualTo("acme");
        assertThat(new String((byte[]) row.get("body"), StandardCharsets.UTF_8)).isEqualTo(order);

        assertThat(hub.get("/api/v1/dead-letters", "acme", "acme-secret").statusCode()).isEqualTo(403);
        assertThat(hub.get("/api/v1/dead-letters/" + row.get("id"), "acme", "acme-secret").statusCode()).isEqualTo(403);
        assertThat(hub.postJson("/api/v1/dead-letters/" + row.get("id") + "/replay", "acme", "acme-secret", "{\"reason\": \"x\"}")
                .statusCode()).isEqualTo(403);

        // another one the operator decides not to process: kept, marked, with who and why
        HttpResponse<String> second = hub.postJson("/api/v1/orders", "acme", "acme-secret", order.replace("POISON-HTTP-1",
                "POISON-HTTP-2"));
        assertThat(second.statusCode()).isEqualTo(500);
        long other = jdbc.queryForObject("select id from dead_letter where convert_from(body, 'UTF8') like '%POISON-HTTP-2%'",
                Long.class);
        HttpResponse<String> discarded = hub.postJson("/api/v1/dead-letters/" + other + "/discard", "olivia", "olivia-secret",
                "{\"reason\": \"the partner sent it again corrected\"}");
        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select status from dead_letter where id = ?", String.class, other))
                .isEqualTo("DISCARDED");
        assertThat(jdbc.queryForObject("select replayed_by || ': ' || outcome || ': ' || reason from dead_letter_replay "
                + "where dead_letter_id = ?", String.class, other))
                .isEqualTo("olivia: DISCARDED: the partner sent it again corrected");
        assertThat(hub.postJson("/api/v1/dead-letters/" + other + "/replay", "olivia", "olivia-secret", "{\"reason\": \"no\"}")
                .statusCode()).isEqualTo(409);

        jdbc.update("delete from test_poison where marker = 'POISON-HTTP'");
        HttpResponse<String> replayed = hub.postJson("/api/v1/dead-letters/" + row.get("id") + "/replay", "olivia", "olivia-secret",
                "{\"reason\": \"fault fixed\"}");
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where po_number = 'POISON-HTTP-1' "
                + "and partner_id = 'acme'", Integer.class)).isOne();
    }

    private static String shipment(String shipmentId, String releaseId, String quantity) {
        return """
                {"shipmentId": "%s", "partnerId": "acme", "releaseId": "%s", "shipDate": "2027-01-10", "carrier": "UPSN",
                 "trackingNumber": "1Z999AA10123456784", "lines": [{"lineNumber": "1", "quantity": %s, "unit": "EA"}]}
                """.formatted(shipmentId, releaseId, quantity);
    }

    private int attempts(String source) {
        return jdbc.queryForObject("select coalesce(max(attempts), 0) from dead_letter where source = ?", Integer.class,
                source);
    }

    private String status(String releaseId) {
        return jdbc.queryForList("select status from order_release where partner_id = 'acme' and release_id = ?",
                String.class, releaseId).stream().findFirst().orElse(null);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        return CanonicalJson.MAPPER.readTree(response.body());
    }

}
