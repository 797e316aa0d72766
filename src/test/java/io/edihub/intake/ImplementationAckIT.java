package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edihub.EmbeddedHubProperties;
import io.edihub.PartnerSftpClient;
import io.edihub.canonical.Release;
import io.edihub.local.LocalSftpServer;
import io.edihub.order.OrderStore;
import io.edihub.x12.AcknowledgmentValidation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A partner whose profile asks for 999 Implementation Acknowledgments ({@code acknowledgments: functional: 999}),
 * on the whole hub over SFTP: its 005010 interchange with one bad set of three gets a 999 in outbound/ (IK3 / IK4 /
 * IK5 per set, AK9 for the group) that StAEDI takes with our 999 schema, the good sets' orders are stored; its
 * 004010 group gets a 997, as the 999 does not exist before 005010. A GS06 or ST02 repeated in a 005010 interchange
 * is reported in the 999 with its code (AK905 19, IK502 23).
 *
 * <p>Interchange control numbers 000009204 to 000009207 and PO numbers 45000920xx are this class's own.
 */
// a hub of its own: acme's profile asks for 999s
@DirtiesContext
@SpringBootTest
class ImplementationAckIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        EmbeddedHubProperties.register(registry);
        registry.add("edihub.partners-dir", () -> partnersWithAcmeAsking999s().toString());
        registry.add("edihub.sftp.poll-delay", () -> "200");
        registry.add("edihub.outbox.poll-delay", () -> "100");
        registry.add("edihub.releases.check-every", () -> "200");
    }

    private static Path partnersWithAcmeAsking999s() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "it-data", "partners-" + UUID.randomUUID()));
            String acme = Files.readString(Path.of("config/partners/acme.yaml"));
            assertThat(acme).contains("\n  functional: 997\n");
            Files.writeString(dir.resolve("acme.yaml"), acme.replace("\n  functional: 997\n", "\n  functional: 999\n"));
            Files.copy(Path.of("config/partners/globex.yaml"), dir.resolve("globex.yaml"));
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
    void a005010InterchangeWithABadSetIsAnsweredWithA999ThatStaediTakesAndTheGoodSetsAreStored() throws Exception {
        acme.upload("v5010-bad-set.edi", sample("acme/broken/v5010-one-bad-set-of-three.edi", Map.of(
                "000000951", "000009204", "4500013951", "4500092041", "4500013952", "4500092042",
                "4500013954", "4500092044")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-v5010-bad-set.edi")).anyMatch(n -> n.endsWith("-v5010-bad-set.edi.error.txt")));
        String ack = await().atMost(WAIT).until(() -> acme.implementationAckTo("000009204"), java.util.Objects::nonNull);
        assertThat(ack).as("a 999 in outbound/: %s", acme.list("outbound")).isNotNull();
        assertThat(acme.functionalAckTo("000009204")).as("no 997 beside the 999").isNull();
        assertThat(ack).contains("*^*00501*", "GS*FA*EDIHUB*ACMEFED*", "*X*005010X231A1~");
        assertThat(ackSegments(ack)).containsExactly("ST*999*0001*005010X231A1", "AK1*PO*3951*005010",
                "AK2*850*0001", "IK5*A",
                "AK2*850*0002", "IK3*PO1*10*PO1*8", "IK4*2*330*1", "IK5*R*5",
                "AK2*850*0003", "IK5*A",
                "AK9*P*3*3*2", "SE*12*0001");
        // read back with StAEDI, envelope rules and src/main/resources/x12/999.xml on
        assertThat(AcknowledgmentValidation.problems(ack)).isEmpty();
        assertThat(AcknowledgmentValidation.problems(ack.replace("IK5*R*5~", "IK5*Q*5~")))
                .as("the check sees a code the 999 does not have").isNotEmpty();

        assertThat(orders.releases("acme", "4500092041")).extracting(Release::releaseId)
                .containsExactly("4500092041-01", "4500092041-02", "4500092041-03");
        assertThat(orders.releases("acme", "4500092044")).extracting(Release::releaseId).containsExactly("4500092044-01");
        assertThat(poNumbersStored("4500092041", "4500092042", "4500092044")).containsExactly("4500092041", "4500092044");
        assertThat(acme.read("error/" + only(acme.list("error"), "-v5010-bad-set.edi.error.txt"))).contains(
                "v5010-bad-set.edi from partner acme: PARTIALLY ACCEPTED", "999-", "-for-000009204.x12",
                "interchange 000009204 group 3951 set 850 0002 REJECTED: PO102", "[QUANTITY_MISSING]");
        assertThat(acme.list("inbound")).noneMatch(n -> n.contains("v5010-bad-set"));
    }

    @Test
    void a004010GroupOfThePartnerAsking999sIsAnsweredWithA997() throws Exception {
        acme.upload("v4010-bad-set.edi", sample("acme/broken/one-bad-set-of-three.edi", Map.of(
                "000000317", "000009205", "4500013018", "4500092051", "4500013019", "4500092052",
                "4500013020", "4500092053")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-v4010-bad-set.edi")).anyMatch(n -> n.endsWith("-v4010-bad-set.edi.error.txt")));
        String ack = await().atMost(WAIT).until(() -> acme.functionalAckTo("000009205"), java.util.Objects::nonNull);
        assertThat(ack).as("a 997 in outbound/: %s", acme.list("outbound")).isNotNull();
        assertThat(acme.implementationAckTo("000009205")).as("no 999 for a 004010 group").isNull();
        assertThat(ack).contains("*U*00401*", "*X*004010~").doesNotContain("ST*999", "IK3", "IK5");
        assertThat(ackSegments(ack)).containsExactly("ST*997*0001", "AK1*PO*3018",
                "AK2*850*0001", "AK5*A",
                "AK2*850*0002", "AK3*PO1*10**8", "AK4*2*330*1", "AK5*R*5",
                "AK2*850*0003", "AK5*A",
                "AK9*P*3*3*2", "SE*12*0001");
        assertThat(AcknowledgmentValidation.problems(ack)).isEmpty();

        assertThat(poNumbersStored("4500092051", "4500092052", "4500092053")).containsExactly("4500092051", "4500092053");
        assertThat(acme.list("inbound")).noneMatch(n -> n.contains("v4010-bad-set"));
    }

    @Test
    void repeatedControlNumbersIn005010AreReportedInThe999WithTheirOwnCodes() throws Exception {
        acme.upload("v5010-dup-gs06.edi", sample("acme/broken/duplicate-gs06-in-interchange.edi", Map.of(
                "*U*00401*000000331*", "*^*00501*000009206*", "IEA*2*000000331~", "IEA*2*000009206~",
                "*X*004010~", "*X*005010~", "4500013311", "4500092061", "4500013312", "4500092062")));
        acme.upload("v5010-dup-st02.edi", sample("acme/broken/duplicate-st02-in-group.edi", Map.of(
                "*U*00401*000000332*", "*^*00501*000009207*", "IEA*1*000000332~", "IEA*1*000009207~",
                "*X*004010~", "*X*005010~", "4500013321", "4500092071", "4500013322", "4500092072",
                "4500013323", "4500092073")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-v5010-dup-gs06.edi.error.txt")).anyMatch(n -> n.endsWith("-v5010-dup-st02.edi.error.txt")));
        String groups = await().atMost(WAIT).until(() -> acme.implementationAckTo("000009206"), java.util.Objects::nonNull);
        assertThat(groups).as("a 999 in outbound/: %s", acme.list("outbound")).isNotNull();
        // AK905 19: functional group control number not unique within interchange
        assertThat(ackSegments(groups)).containsExactly(
                "ST*999*0001*005010X231A1", "AK1*PO*3311*005010", "AK2*850*0001", "IK5*A", "AK9*A*1*1*1", "SE*6*0001",
                "ST*999*0001*005010X231A1", "AK1*PO*3311*005010", "AK2*850*0001", "IK5*R", "AK9*R*1*1*0*19", "SE*6*0001");
        assertThat(AcknowledgmentValidation.problems(groups)).isEmpty();
        String sets = await().atMost(WAIT).until(() -> acme.implementationAckTo("000009207"), java.util.Objects::nonNull);
        assertThat(sets).as("a 999 in outbound/: %s", acme.list("outbound")).isNotNull();
        // IK502 23: transaction set control number not unique within the functional group
        assertThat(ackSegments(sets)).containsExactly("ST*999*0001*005010X231A1", "AK1*PO*3321*005010",
                "AK2*850*0001", "IK5*A", "AK2*850*0002", "IK5*A", "AK2*850*0001", "IK5*R*23",
                "AK9*P*3*3*2", "SE*10*0001");
        assertThat(AcknowledgmentValidation.problems(sets)).isEmpty();

        assertThat(poNumbersStored("4500092061", "4500092062", "4500092071", "4500092072", "4500092073"))
                .containsExactly("4500092061", "4500092071", "4500092072");
    }

    private List<String> poNumbersStored(String... poNumbers) {
        return jdbc.queryForList("select po_number from purchase_order where partner_id = 'acme' and po_number in ("
                + String.join(",", Arrays.stream(poNumbers).map(p -> "?").toList()) + ") order by po_number",
                String.class, (Object[]) poNumbers);
    }

    /** The acknowledgment's sets as written, without the envelopes (whose control numbers are the hub's). */
    private static List<String> ackSegments(String x12) {
        return Arrays.stream(x12.split("~\\R?")).filter(s -> s.matches("(ST|SE|AK[1-9]|IK[3-5]|CTX)\\*.*")).toList();
    }

    /** A sample with its control and PO numbers replaced by this class's own. */
    private static byte[] sample(String name, Map<String, String> replacements) throws IOException {
        String text = Files.readString(Path.of("edi-samples", name), StandardCharsets.US_ASCII);
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            assertThat(text).as("%s holds %s", name, r.getKey()).contains(r.getKey());
            text = text.replace(r.getKey(), r.getValue());
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String only(List<String> names, String part) {
        List<String> matching = names.stream().filter(n -> n.contains(part)).toList();
        assertThat(matching).as("one file named *%s* in %s", part, names).hasSize(1);
        return matching.get(0);
    }
}
