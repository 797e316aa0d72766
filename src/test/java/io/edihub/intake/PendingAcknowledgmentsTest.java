package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleLine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PendingAcknowledgmentsTest {

    @ParameterizedTest(name = "in memory up to {0} bytes")
    @ValueSource(ints = {PendingAcknowledgments.IN_MEMORY, 2_000})
    void givesBackWhatWasAddedInOrderLessWhatARejectedGroupDropped(int inMemory) {
        try (PendingAcknowledgments pending = new PendingAcknowledgments(inMemory)) {
            List<PoAcknowledgment> kept = new ArrayList<>();
            for (int group = 0; group < 6; group++) {
                long mark = pending.mark();
                List<PoAcknowledgment> ofGroup = new ArrayList<>();
                for (int set = 0; set < 4; set++) {
                    PoAcknowledgment ack = ack("PO-" + group + "-" + set, 1 + set);
                    pending.add(ack, group % 2 == 0 ? "004010" : "005010");
                    ofGroup.add(ack);
                }
                if (group == 1 || group == 4) {
                    pending.truncate(mark);
                } else {
                    kept.addAll(ofGroup);
                }
            }
            List<PoAcknowledgment> read = new ArrayList<>();
            List<String> releases = new ArrayList<>();
            pending.forEach((ack, release) -> {
                read.add(ack);
                releases.add(release);
            });

            assertThat(read).isEqualTo(kept);
            assertThat(releases).containsExactly("004010", "004010", "004010", "004010", "004010", "004010", "004010",
                    "004010", "005010", "005010", "005010", "005010", "005010", "005010", "005010", "005010");

            pending.clear();
            List<PoAcknowledgment> none = new ArrayList<>();
            pending.forEach((ack, release) -> none.add(ack));
            assertThat(none).isEmpty();
        }
    }

    @Test
    void spillsToATemporaryFileItRemovesOnClose() throws Exception {
        List<Path> before = spoolFiles();
        PendingAcknowledgments pending = new PendingAcknowledgments(1_000);
        pending.add(ack("PO-SPILL-1", 20), "004010");
        List<Path> spilled = spoolFiles();
        spilled.removeAll(before);
        assertThat(spilled).as("past 1,000 bytes the acknowledgments are on disk").hasSize(1);
        pending.add(ack("PO-SPILL-2", 3), "004010");
        List<String> read = new ArrayList<>();
        pending.forEach((ack, release) -> read.add(ack.poNumber()));
        assertThat(read).containsExactly("PO-SPILL-1", "PO-SPILL-2");

        pending.close();
        assertThat(spilled.get(0)).doesNotExist();
    }

    private static List<Path> spoolFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().startsWith("edihub-855-")).toList());
        }
    }

    /** An acknowledgment of {@code lines} lines of twelve monthly deliveries each, with text that needs escaping. */
    private static PoAcknowledgment ack(String po, int lines) {
        List<PoAcknowledgment.LineAck> acks = new ArrayList<>();
        for (int line = 1; line <= lines; line++) {
            List<ScheduleLine> schedule = new ArrayList<>();
            for (int month = 0; month < 12; month++) {
                schedule.add(new ScheduleLine(new BigDecimal("10.500"), "EA", LocalDate.of(2027, 1, 15).plusMonths(month),
                        null));
            }
            acks.add(new PoAcknowledgment.LineAck(Integer.toString(line), "ACM-77812", "EH-1001", new BigDecimal("126.000"),
                    "EA", new BigDecimal("42.50"), line == 2 ? PoAcknowledgment.LineStatus.IP : PoAcknowledgment.LineStatus.IA,
                    line == 2 ? "contract price 42.50,\tnot 44.00\n(\"list\")" : null, schedule, "TABLET 10\u2033 \u00e9"));
        }
        return new PoAcknowledgment("acme", po, null, PurchaseOrder.Purpose.ORIGINAL, PoAcknowledgment.Type.AC,
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), "GSA-47QSWA-2026", "V-0042-EDIHUB", "USD", acks);
    }
}
