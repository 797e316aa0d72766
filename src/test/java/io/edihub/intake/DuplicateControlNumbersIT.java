package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edihub.PartnerSftpClient;
import io.edihub.WholeHubTest;
import io.edihub.canonical.Release;
import io.edihub.local.LocalSftpServer;
import io.edihub.order.OrderStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Control numbers repeated inside one interchange, sent by acme over the hub's SFTP server: a second group with an
 * earlier group's GS06 is rejected whole in the 997 (AK905 6 for 004010, 19 from 005010 on) and a second set with an
 * earlier set's ST02 alone (AK502 23), while what came first is taken. The file, refused in part, goes to error/
 * with a report naming the repeated number, and nothing is left in inbound/.
 *
 * <p>Interchange control numbers 000009201 to 000009204 and PO numbers 45000920xx are this class's own.
 */
@WholeHubTest
class DuplicateControlNumbersIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

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
    void aSecondGroupWithTheFirstGroupsGs06IsRejectedWithAk905Code6AndTheFirstGroupsOrderIsTaken() throws Exception {
        acme.upload("dup-gs06-4010.edi", sample("acme/broken/duplicate-gs06-in-interchange.edi", Map.of(
                "000000331", "000009201", "4500013311", "4500092011", "4500013312", "4500092012")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-dup-gs06-4010.edi")).anyMatch(n -> n.endsWith("-dup-gs06-4010.edi.error.txt")));
        String ack = await().atMost(WAIT).until(() -> acme.functionalAckTo("000009201"), java.util.Objects::nonNull);
        assertThat(ack).isNotNull();
        // one 997 group per group received: the first accepted, the second (GS06 3311 again) rejected
        assertThat(ackSegments(ack)).containsExactly(
                "ST*997*0001", "AK1*PO*3311", "AK2*850*0001", "AK5*A", "AK9*A*1*1*1", "SE*6*0001",
                "ST*997*0001", "AK1*PO*3311", "AK2*850*0001", "AK5*R", "AK9*R*1*1*0*6", "SE*6*0001");
        assertThat(ack).contains("GS*FA*EDIHUB*ACMEFED*", "*X*004010~", "IEA*2*");

        assertThat(orders.releases("acme", "4500092011")).extracting(Release::releaseId).containsExactly("4500092011-01");
        assertThat(poNumbersStored("4500092011", "4500092012")).containsExactly("4500092011");
        assertThat(acme.read("error/" + only(acme.list("error"), "-dup-gs06-4010.edi.error.txt"))).contains(
                "dup-gs06-4010.edi from partner acme: PARTIALLY ACCEPTED",
                "interchange 000009201 group 3311: GS06",
                "group control number 3311 (GS06) is already used by an earlier group of interchange 000009201",
                "[DUPLICATE_GROUP_CONTROL_NUMBER]");
        assertThat(acme.list("archive")).noneMatch(n -> n.endsWith("-dup-gs06-4010.edi"));
        assertThat(acme.list("inbound")).noneMatch(n -> n.contains("dup-gs06-4010"));
        assertThat(outcome("dup-gs06-4010.edi")).isEqualTo("PARTIALLY_ACCEPTED");
    }

    @Test
    void aSecondGroupWithTheFirstGroupsGs06In005010IsRejectedWithAk905Code19() throws Exception {
        acme.upload("dup-gs06-5010.edi", sample("acme/broken/duplicate-gs06-in-interchange.edi", Map.of(
                "*U*00401*000000331*", "*^*00501*000009202*", "IEA*2*000000331~", "IEA*2*000009202~",
                "*X*004010~", "*X*005010~", "4500013311", "4500092021", "4500013312", "4500092022")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-dup-gs06-5010.edi")).anyMatch(n -> n.endsWith("-dup-gs06-5010.edi.error.txt")));
        String ack = await().atMost(WAIT).until(() -> acme.functionalAckTo("000009202"), java.util.Objects::nonNull);
        assertThat(ack).isNotNull();
        // AK905 19 (functional group control number not unique within interchange) exists from 005010 on
        assertThat(ackSegments(ack)).containsExactly(
                "ST*997*0001", "AK1*PO*3311*005010", "AK2*850*0001", "AK5*A", "AK9*A*1*1*1", "SE*6*0001",
                "ST*997*0001", "AK1*PO*3311*005010", "AK2*850*0001", "AK5*R", "AK9*R*1*1*0*19", "SE*6*0001");
        assertThat(ack).contains("*^*00501*", "*X*005010~");

        assertThat(orders.releases("acme", "4500092021")).extracting(Release::releaseId).containsExactly("4500092021-01");
        assertThat(poNumbersStored("4500092021", "4500092022")).containsExactly("4500092021");
        assertThat(acme.read("error/" + only(acme.list("error"), "-dup-gs06-5010.edi.error.txt"))).contains(
                "PARTIALLY ACCEPTED", "group control number 3311 (GS06) is already used by an earlier group of "
                        + "interchange 000009202", "[DUPLICATE_GROUP_CONTROL_NUMBER]");
        assertThat(acme.list("inbound")).noneMatch(n -> n.contains("dup-gs06-5010"));
    }

    @Test
    void aSecondSetWithAnEarlierSetsSt02IsRejectedWithAk502Code23AndTheOthersAreTaken() throws Exception {
        acme.upload("dup-st02.edi", sample("acme/broken/duplicate-st02-in-group.edi", Map.of(
                "000000332", "000009203", "4500013321", "4500092031", "4500013322", "4500092032",
                "4500013323", "4500092033")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-dup-st02.edi")).anyMatch(n -> n.endsWith("-dup-st02.edi.error.txt")));
        String ack = await().atMost(WAIT).until(() -> acme.functionalAckTo("000009203"), java.util.Objects::nonNull);
        assertThat(ack).isNotNull();
        assertThat(ackSegments(ack)).containsExactly("ST*997*0001", "AK1*PO*3321",
                "AK2*850*0001", "AK5*A",
                "AK2*850*0002", "AK5*A",
                "AK2*850*0001", "AK5*R*23",
                "AK9*P*3*3*2", "SE*10*0001");

        // the first set with ST02 0001 is taken, and the one between; the third (0001 again) is not
        assertThat(orders.releases("acme", "4500092031")).extracting(Release::releaseId).containsExactly("4500092031-01");
        assertThat(poNumbersStored("4500092031", "4500092032", "4500092033")).containsExactly("4500092031", "4500092032");
        assertThat(jdbc.queryForObject("select count(*) from purchase_order o join inbound_document d "
                + "on d.id = o.document_id where d.partner_id = 'acme' and d.file_name = 'dup-st02.edi'", Integer.class))
                .isEqualTo(2);
        assertThat(acme.read("error/" + only(acme.list("error"), "-dup-st02.edi.error.txt"))).contains(
                "dup-st02.edi from partner acme: PARTIALLY ACCEPTED",
                "interchange 000009203 group 3321 set 850 0001 REJECTED: ST02",
                "transaction set control number 0001 (ST02) is already used by an earlier set of group 3321",
                "[DUPLICATE_TRANSACTION_SET_CONTROL_NUMBER]");
        assertThat(acme.list("inbound")).noneMatch(n -> n.contains("dup-st02"));
        assertThat(outcome("dup-st02.edi")).isEqualTo("PARTIALLY_ACCEPTED");
    }

    @Test
    void anOrderRepeatedLaterInTheSameInterchangeIsRefusedAloneAndTheOthers855sAreNumberedWithoutAGap() throws Exception {
        // the orders of one file are screened in its one transaction: the third set sees the first as on file
        acme.upload("repeat-in-file.edi", sample("acme/several-orders-one-interchange.edi", Map.of(
                "000000103", "000009204", "4500012501", "4500092041", "4500012502", "4500092042",
                "4500012503", "4500092041")));

        String ack = await().atMost(WAIT).until(() -> acme.functionalAckTo("000009204"), java.util.Objects::nonNull);
        List<String> segments = ackSegments(ack);
        assertThat(segments).startsWith("ST*997*0001", "AK1*PO*1003", "AK2*850*0001", "AK5*A", "AK2*850*0002", "AK5*A",
                "AK2*850*0003").contains("AK9*P*3*3*2");
        // the third set's BEG03 (the PO number) named as the reason, the set rejected
        assertThat(segments.subList(segments.indexOf("AK2*850*0003"), segments.indexOf("AK9*P*3*3*2")))
                .contains("AK3*BEG*2**8").anyMatch(segment -> segment.startsWith("AK5*R"));
        assertThat(poNumbersStored("4500092041", "4500092042")).containsExactly("4500092041", "4500092042");
        assertThat(jdbc.queryForObject("select count(*) from order_revision where partner_id = 'acme' "
                + "and po_number = '4500092041'", Integer.class)).isEqualTo(1);
        assertThat(acme.read("error/" + only(await().atMost(WAIT).until(() -> acme.list("error"),
                names -> names.stream().anyMatch(n -> n.endsWith("-repeat-in-file.edi.error.txt"))),
                "-repeat-in-file.edi.error.txt"))).contains("[DUPLICATE_ORDER]");

        // one 855 for each order taken, their ISA13s drawn as one block: consecutive
        List<String> acks = await().atMost(WAIT).until(() -> acme.list("outbound").stream()
                .filter(n -> n.startsWith("855-") && (n.endsWith("-for-4500092041.x12") || n.endsWith("-for-4500092042.x12")))
                .sorted(java.util.Comparator.comparing((String n) -> n.substring(n.indexOf("-for-")))).toList(),
                names -> names.size() == 2);
        long first = Long.parseLong(acks.get(0).substring(4, 13));
        assertThat(Long.parseLong(acks.get(1).substring(4, 13))).isEqualTo(first + 1);
    }

    private List<String> poNumbersStored(String... poNumbers) {
        return jdbc.queryForList("select po_number from purchase_order where partner_id = 'acme' and po_number in ("
                + String.join(",", Arrays.stream(poNumbers).map(p -> "?").toList()) + ") order by po_number",
                String.class, (Object[]) poNumbers);
    }

    private String outcome(String fileName) {
        return jdbc.queryForObject("select outcome from inbound_document where partner_id = 'acme' and file_name = ?",
                String.class, fileName);
    }

    /** The 997's sets as written, without the envelopes (whose control numbers are the hub's next free ones). */
    static List<String> ackSegments(String x12) {
        return Arrays.stream(x12.split("~\\R?")).filter(s -> s.matches("(ST|SE|AK[1-9]|IK[3-5]|CTX)\\*.*")).toList();
    }

    /** A sample with its control and PO numbers replaced by this class's own: the hub refuses an ISA13 again. */
    private static byte[] sample(String name, Map<String, String> replacements) throws Exception {
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
