package io.edihub.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.BrowserScript;
import io.edihub.HubHttp;
import io.edihub.KafkaTestClient;
import io.edihub.PartnerSftpClient;
import io.edihub.TestClock;
import io.edihub.WholeHubTest;
import io.edihub.local.LocalSftpServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The desk's actions in a real browser, on the shared whole hub: an order file parked after its storage kept failing
 * is replayed by the operator once the fault is gone (the order stored once, the replay kept with who and why), and a
 * claim on returned goods is settled from the same page (refused first without a reason, changing nothing). Both
 * come through the hub's real paths: the fault is a database trigger refusing inputs with this test's marker, as in
 * {@code DeadLetterIT}; the claim an order over HTTP, dispatched, shipped on Kafka and partly returned by the
 * customer's acceptance. The screenshots are kept in {@code target/browser/desk-actions-*.png}.
 *
 * <p>A second parked file is replayed with the reason left empty, past the browser's own check: the desk refuses it
 * before the input is touched (the order is not taken, no replay recorded, the dead letter still parked). Until this
 * was fixed the desk ran the input and then failed to record the replay, leaving the order taken without who or why.
 */
@WholeHubTest
class DeskActionsBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final String SHIPMENTS = "edihub.shipments.v1";
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000);
    private static final String OPERATOR = "olivia";
    private static final String OPERATOR_PASSWORD = "olivia-secret";

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

    HubHttp hub;
    PartnerSftpClient acme;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() throws Exception {
        BrowserScript.checkTools();
        hub = new HubHttp(port);
        await().atMost(WAIT).until(() -> camel.getRoutes().stream()
                .allMatch(r -> camel.getRouteController().getRouteStatus(r.getRouteId()).isStarted())
                && hub.get("/api/v1/dead-letters", OPERATOR, OPERATOR_PASSWORD).statusCode() == 200);
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        kafka = new KafkaTestClient(brokers, List.of());
        // the fault: an input carrying one of this test's markers cannot be stored, until the marker is taken out
        jdbc.execute("""
                create table if not exists desk_actions_poison (marker text primary key);
                create or replace function desk_actions_poison_input() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from desk_actions_poison p
                               where convert_from(new.content, 'UTF8') like '%' || p.marker || '%') then
                        raise exception 'test fault: input carries a poisoned marker';
                    end if;
                    return new;
                end $$;
                drop trigger if exists desk_actions_poison_input on inbound_document;
                create trigger desk_actions_poison_input before insert on inbound_document for each row
                    execute function desk_actions_poison_input();
                """);
    }

    /** The fault is this test's own: the other tests on the shared hub store their inputs untouched. */
    @AfterEach
    void disconnect() {
        jdbc.execute("""
                drop trigger if exists desk_actions_poison_input on inbound_document;
                drop function if exists desk_actions_poison_input();
                drop table if exists desk_actions_poison;
                """);
        acme.close();
        kafka.close();
    }

    @Test
    void anOperatorReplaysADeadLetterAndSettlesAClaimFromTheDesk() throws Exception {
        String replayPo = "DESK-DL-" + RUN;
        String blankPo = "DESK-DLB-" + RUN;
        String claimPo = "DESK-CL-" + RUN;
        String replayFile = "desk-actions-" + RUN + ".json";
        String blankFile = "desk-actions-" + RUN + "-blank.json";

        // two order files whose storage fails: retried, then parked ten minutes (on the hub's clock) after
        jdbc.update("insert into desk_actions_poison values (?), (?)", replayPo, blankPo);
        acme.upload(replayFile, order(replayPo).getBytes(StandardCharsets.UTF_8));
        acme.upload(blankFile, order(blankPo).getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> attempts(replayFile) >= 5 && attempts(blankFile) >= 5);
        clock.advance(Duration.ofMinutes(11));
        await().atMost(WAIT).until(() -> "PARKED".equals(deadLetter(replayFile, "status"))
                && "PARKED".equals(deadLetter(blankFile, "status")));
        long letter = ((Number) deadLetter(replayFile, "id")).longValue();
        long blankLetter = ((Number) deadLetter(blankFile, "id")).longValue();
        // the cause is removed
        jdbc.update("delete from desk_actions_poison");

        // 100 tablets ordered, dispatched, shipped; the customer accepts 90 and returns 10: a claim before invoicing
        HttpResponse<String> ordered = hub.postJson("/api/v1/orders", "acme", "acme-secret", order(claimPo));
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(201);
        clock.setDay(LocalDate.of(2026, 12, 20));
        await().atMost(WAIT).until(() -> "DISPATCHED".equals(releaseStatus(claimPo + "-01")));
        kafka.send(SHIPMENTS, claimPo + "-01", """
                {"shipmentId": "SHP-%s", "partnerId": "acme", "releaseId": "%s-01", "shipDate": "2027-01-10",
                 "carrier": "UPSN", "trackingNumber": "1Z999AA10123456784",
                 "lines": [{"lineNumber": "1", "quantity": 100, "unit": "EA"}]}
                """.formatted(claimPo, claimPo));
        await().atMost(WAIT).until(() -> "SHIPPED".equals(releaseStatus(claimPo + "-01")));
        HttpResponse<String> accepted = hub.postJson("/api/v1/acceptances", "acme", "acme-secret", """
                {"acceptanceId": "ACC-%s", "poNumber": "%s", "releaseId": "%s-01", "acceptedOn": "2027-01-20",
                 "lines": [{"lineNumber": "1", "accepted": 90, "returned": 10, "unit": "EA", "condition": "DAMAGED"}]}
                """.formatted(claimPo, claimPo, claimPo));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        await().atMost(WAIT).until(() -> claimCount(claimPo) == 1);
        Map<String, Object> claim = jdbc.queryForMap("select id, claim_number, kind, status from claim "
                + "where partner_id = 'acme' and po_number = ?", claimPo);
        assertThat(claim.get("kind")).isEqualTo("BEFORE_INVOICE");
        assertThat(claim.get("status")).isEqualTo("OPEN");
        long claimId = ((Number) claim.get("id")).longValue();
        String claimNumber = (String) claim.get("claim_number");
        Files.createDirectories(SCREENSHOTS);

        JsonNode shown = BrowserScript.named("desk-actions.js", Duration.ofMinutes(3)).run("http://127.0.0.1:" + port,
                OPERATOR, OPERATOR_PASSWORD, Long.toString(letter), Long.toString(blankLetter), Long.toString(claimId),
                "WRITE_OFF", SCREENSHOTS.toString());
        System.out.println("desk-actions.js: " + shown);

        JsonNode home = shown.path("home");
        assertThat(home.path("url").asText()).isEqualTo("/desk");
        assertThat(texts(home.path("deadLetters"))).contains("dead-letter-" + letter, "dead-letter-" + blankLetter);
        assertThat(texts(home.path("claims"))).contains("claim-" + claimId);
        assertThat(home.path("deadLetterText").asText()).contains("receiveOrders-acme").contains("sftp acme inbound/"
                + replayFile).contains("poisoned marker");
        assertThat(home.path("claimText").asText()).contains(claimNumber).contains("release " + claimPo + "-01")
                .contains("before invoicing");
        // a claim before invoicing is not credited
        assertThat(texts(home.path("decisions"))).contains("WRITE_OFF", "REPLACE", "DENY").doesNotContain("CREDIT");

        // the replay: its flash, the dead letter REPLAYED, the replay kept with the operator and the reason, the order once
        assertThat(shown.path("replayed").asText())
                .matches("dead letter #" + letter + " replayed: PROCESSED \\(document \\d+ ACCEPTED\\)");
        assertThat(jdbc.queryForObject("select status from dead_letter where id = ?", String.class, letter))
                .isEqualTo("REPLAYED");
        Map<String, Object> replay = jdbc.queryForMap("select * from dead_letter_replay where dead_letter_id = ?", letter);
        assertThat(replay.get("replayed_by")).isEqualTo(OPERATOR);
        assertThat(replay.get("reason")).isEqualTo("poisoned-input fault fixed (INC-1818)");
        assertThat(replay.get("outcome")).isEqualTo("PROCESSED");
        assertThat(replay.get("bypass_duplicates")).isEqualTo(false);
        assertThat(orders(replayPo)).isOne();

        // no settlement without a reason: refused on the page, nothing written, the claim still listed
        assertThat(shown.path("refused").asText())
                .matches("CLM-\\d+ was not settled: say why \\(the customer is told\\)");
        assertThat(texts(shown.path("afterRefusal").path("claims"))).contains("claim-" + claimId);

        // the settlement: its flash, the claim settled with the operator's decision and reason
        assertThat(shown.path("settled").asText()).isEqualTo(claimNumber + ": write off, now settled");
        assertThat(jdbc.queryForObject("select status from claim where id = ?", String.class, claimId))
                .isEqualTo("SETTLED");
        assertThat(jdbc.queryForList("select decision || ' by ' || decided_by || ': ' || reason from claim_settlement "
                + "where claim = ?", String.class, claimId))
                .containsExactly("WRITE_OFF by olivia: ten tablets damaged in transit; not worth shipping back");
        assertThat(jdbc.queryForList("select actor from claim_event where claim = ? and action = 'DECIDED'", String.class,
                claimId)).containsExactly(OPERATOR);

        // afterwards the home lists neither
        assertThat(texts(shown.path("after").path("deadLetters"))).doesNotContain("dead-letter-" + letter);
        assertThat(texts(shown.path("after").path("claims"))).doesNotContain("claim-" + claimId);

        // the replayed input's parked alert is closed by the replay, the other one's still open
        assertThat(jdbc.queryForList("select closed_by || ': ' || closed_reason from alert where kind = 'INPUT_PARKED' "
                + "and subject = ?", String.class, "dead-letter:" + letter)).singleElement()
                .satisfies(c -> assertThat(c).startsWith(OPERATOR + ": dead letter " + letter + " replayed: PROCESSED; "));
        assertThat(jdbc.queryForObject("select count(*) from alert where kind = 'INPUT_PARKED' and subject = ? "
                + "and closed_at is null", Integer.class, "dead-letter:" + blankLetter)).isOne();

        // a replay without a reason is refused before the input is touched: nothing taken, nothing recorded, still parked
        JsonNode blank = shown.path("blankReplay");
        assertThat(blank.path("status").asInt()).as("answered with a redirect to the desk").isEqualTo(302);
        assertThat(texts(blank.path("flash"))).singleElement().satisfies(f -> assertThat(f)
                .isEqualTo("dead letter #" + blankLetter + " was not replayed: say why (the reason is kept with the replay)"));
        assertThat(blank.path("stillListed").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("select status from dead_letter where id = ?", String.class, blankLetter))
                .isEqualTo("PARKED");
        assertThat(jdbc.queryForList("select outcome from dead_letter_replay where dead_letter_id = ?", String.class,
                blankLetter)).isEmpty();
        assertThat(orders(blankPo)).isZero();

        for (JsonNode file : shown.path("screenshots")) {
            assertThat(Files.readAllBytes(Path.of(file.asText()))).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    /** An acme order of 100 tablets at the contract's price, due on the 15th of January 2027. */
    private static String order(String po) {
        return """
                {"poNumber": "%s", "orderDate": "2026-11-20", "currency": "USD", "lines": [{"lineNumber": "1",
                  "buyerPart": "ACM-77812", "vendorPart": "EH-1001", "quantity": 100, "unit": "EA", "unitPrice": 42.50,
                  "schedule": [{"quantity": 100, "deliveryDate": "2027-01-15"}]}]}
                """.formatted(po);
    }

    private int attempts(String fileName) {
        return jdbc.queryForObject("select coalesce(max(attempts), 0) from dead_letter where source = ?", Integer.class,
                "sftp acme inbound/" + fileName);
    }

    private Object deadLetter(String fileName, String column) {
        return jdbc.queryForList("select " + column + " from dead_letter where source = ? order by id desc",
                Object.class, "sftp acme inbound/" + fileName).stream().findFirst().orElse(null);
    }

    private String releaseStatus(String releaseId) {
        return jdbc.queryForList("select status from order_release where partner_id = 'acme' and release_id = ?",
                String.class, releaseId).stream().findFirst().orElse(null);
    }

    private int claimCount(String po) {
        return jdbc.queryForObject("select count(*) from claim where partner_id = 'acme' and po_number = ?",
                Integer.class, po);
    }

    private int orders(String po) {
        return jdbc.queryForObject("select count(*) from purchase_order where partner_id = 'acme' and po_number = ?",
                Integer.class, po);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
