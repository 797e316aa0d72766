package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.canonical.PoAcknowledgment.LineAck;
import io.edihub.canonical.PoAcknowledgment.LineStatus;
import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.PurchaseOrder.Purpose;
import io.edihub.canonical.ScheduleLine;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The 855 writer: every line status, acknowledgment type and purpose written and read back by StAEDI with
 * envelope validation and our 855 schema, and one golden file ({@code -Dedihub.golden.update=true}
 * rewrites it; review the diff).
 */
class PoAcknowledgment855WriterTest {

    private static final Path GOLDEN = Path.of("edi-samples/acme/acknowledgments/po-ack-with-changes.855.x12");
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final PartnerProfile ACME = PartnerDirectory.load(Path.of("config/partners")).byId("acme").orElseThrow();
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 2, 15, 0, 0, 0, ZoneOffset.UTC);
    private static final LocalDate ORDERED = LocalDate.of(2026, 11, 2);

    private final PoAcknowledgment855Writer writer = new PoAcknowledgment855Writer(US);

    @Test
    void acknowledgmentWithChangesMatchesItsGoldenFile() throws IOException {
        String x12 = writer.write(withChanges(), ACME, ControlNumbers.inMemory(), NOW);
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, x12);
        }
        assertThat(AcknowledgmentValidation.problems(x12)).isEmpty();
        assertThat(x12).isEqualTo(Files.readString(GOLDEN));
    }

    @ParameterizedTest
    @EnumSource(LineStatus.class)
    void everyLineStatusIsWrittenAndAcceptedByStAEDI(LineStatus status) {
        LineAck line = new LineAck("1", "ACM-77812", "EH-1001", new BigDecimal("200"), "EA", new BigDecimal("42.50"),
                status, null, List.of(new ScheduleLine(new BigDecimal("120"), "EA", LocalDate.of(2027, 1, 15), null),
                        new ScheduleLine(new BigDecimal("80"), "EA", LocalDate.of(2027, 2, 15), null)), null);
        String x12 = write(PoAcknowledgment.Type.AC, Purpose.ORIGINAL, List.of(line));

        assertThat(AcknowledgmentValidation.problems(x12)).isEmpty();
        if (status == LineStatus.IR || status == LineStatus.R1) {
            assertThat(segments(x12, "ACK")).containsExactly("ACK*" + status + "*200*EA");
        } else {
            assertThat(segments(x12, "ACK")).containsExactly("ACK*" + status + "*120*EA*067*20270115",
                    "ACK*" + status + "*80*EA*067*20270215");
        }
        assertThat(segments(x12, "PO1")).containsExactly("PO1*1*200*EA*42.5**BP*ACM-77812*VP*EH-1001");
        assertThat(segments(x12, "CTT")).containsExactly("CTT*1");
    }

    @ParameterizedTest
    @EnumSource(PoAcknowledgment.Type.class)
    void everyAcknowledgmentTypeIsWrittenAndAcceptedByStAEDI(PoAcknowledgment.Type type) {
        LineStatus status = type == PoAcknowledgment.Type.AD || type == PoAcknowledgment.Type.AC ? LineStatus.IA : LineStatus.IR;
        String x12 = write(type, Purpose.ORIGINAL, List.of(new LineAck("1", "ACM-77812", null, BigDecimal.TEN, "EA",
                null, status, null, List.of(), null)));

        assertThat(AcknowledgmentValidation.problems(x12)).isEmpty();
        assertThat(segments(x12, "BAK")).containsExactly("BAK*00*" + type + "*4500012400*20261102*****20261102");
        if (type == PoAcknowledgment.Type.RJ) {
            // rejected without detail: no line is answered
            assertThat(segments(x12, "PO1")).isEmpty();
            assertThat(segments(x12, "CTT")).isEmpty();
        } else {
            assertThat(segments(x12, "PO1")).containsExactly("PO1*1*10*EA***BP*ACM-77812");
            assertThat(segments(x12, "ACK")).containsExactly("ACK*" + status + "*10*EA");
        }
    }

    @ParameterizedTest
    @CsvSource({"ORIGINAL, 00", "CANCELLATION, 01", "CHANGE, 04", "REPLACE, 05"})
    void purposeIsBak01(Purpose purpose, String bak01) {
        String x12 = write(PoAcknowledgment.Type.AD, purpose, List.of());

        assertThat(AcknowledgmentValidation.problems(x12)).isEmpty();
        assertThat(segments(x12, "BAK").get(0)).startsWith("BAK*" + bak01 + "*AD*");
    }

    @Test
    void aValidSetIsCheckedByTheCompiledTableAloneAndAnInvalidOneByStaediWhichSaysWhy() {
        long before = OutboundInterchange.CHECKED_BY_STAEDI.sum();
        String x12 = writer.write(withChanges(), ACME, ControlNumbers.inMemory(), NOW, "005010");
        assertThat(AcknowledgmentValidation.problems(x12)).isEmpty();
        assertThat(OutboundInterchange.CHECKED_BY_STAEDI.sum()).as("not written twice").isEqualTo(before);

        assertThatThrownBy(() -> writer.write(new PoAcknowledgment("acme", "PO-NUMBER-LONGER-THAN-22-CHARACTERS", null,
                Purpose.ORIGINAL, PoAcknowledgment.Type.AD, ORDERED, ORDERED, null, null, "USD", List.of()), ACME,
                ControlNumbers.inMemory(), NOW)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAK03");
        assertThat(OutboundInterchange.CHECKED_BY_STAEDI.sum()).isEqualTo(before + 1);
    }

    @Test
    void otherPurposesAreRefused() {
        assertThatThrownBy(() -> write(PoAcknowledgment.Type.AD, Purpose.CONFIRMATION, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confirmation");
    }

    @Test
    void envelopeIsFromUsToThePartnerInAPrGroup() {
        String x12 = write(PoAcknowledgment.Type.AD, Purpose.ORIGINAL, List.of());

        assertThat(segments(x12, "ISA")).containsExactly("ISA*00*          *00*          *ZZ*EDIHUB         *ZZ*ACMEFED"
                + "        *261102*1500*U*00401*000000001*0*P*>");
        assertThat(segments(x12, "GS")).containsExactly("GS*PR*EDIHUB*ACMEFED*20261102*1500*1*X*004010");
        assertThat(segments(x12, "ST")).containsExactly("ST*855*0001");
        assertThat(segments(x12, "SE")).containsExactly("SE*4*0001");
        assertThat(segments(x12, "GE")).containsExactly("GE*1*1");
        assertThat(segments(x12, "IEA")).containsExactly("IEA*1*000000001");
    }

    @Test
    void version005010IsWrittenWhenAskedFor() {
        String x12 = writer.write(withChanges(), ACME, ControlNumbers.inMemory(), NOW, "005010");

        assertThat(AcknowledgmentValidation.problems(x12)).isEmpty();
        assertThat(segments(x12, "ISA").get(0)).contains("*^*00501*000000001*");
        assertThat(segments(x12, "GS").get(0)).endsWith("*X*005010");
    }

    @Test
    void controlNumbersAreNeverHandedOutTwice() {
        ControlNumbers numbers = ControlNumbers.inMemory();
        String first = writer.write(withChanges(), ACME, numbers, NOW);
        String second = writer.write(withChanges(), ACME, numbers, NOW);

        assertThat(segments(first, "IEA")).containsExactly("IEA*1*000000001");
        assertThat(segments(second, "IEA")).containsExactly("IEA*1*000000002");
        assertThat(segments(second, "GE")).containsExactly("GE*1*2");
    }

    @Test
    void valuesX12CannotCarryAreRefusedAndFreeTextIsCleaned() {
        assertThatThrownBy(() -> writer.write(new PoAcknowledgment("acme", "PO-NUMBER-LONGER-THAN-22-CHARACTERS", null,
                Purpose.ORIGINAL, PoAcknowledgment.Type.AD, ORDERED, ORDERED, null, null, "USD", List.of()), ACME,
                ControlNumbers.inMemory(), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAK03");

        String x12 = write(PoAcknowledgment.Type.AD, Purpose.ORIGINAL, List.of(new LineAck("1", "ACM-77812", null,
                BigDecimal.ONE, "EA", null, LineStatus.IA, null, List.of(), "CASE*12~BLUE")));
        assertThat(AcknowledgmentValidation.problems(x12)).isEmpty();
        assertThat(segments(x12, "PID")).containsExactly("PID*F****CASE 12 BLUE");
    }

    @Test
    void theValidationReallyChecksThe855Schema() {
        String x12 = writer.write(withChanges(), ACME, ControlNumbers.inMemory(), NOW);

        assertThat(AcknowledgmentValidation.problems(x12.replace("ACK*IA*", "ACK*ZZ*"))).isNotEmpty();
        assertThat(AcknowledgmentValidation.problems(x12.replace("BAK*00*AC*", "BAK*00*XX*"))).isNotEmpty();
    }

    /** An order of five lines answered with every kind of line status the hub sends. */
    private static PoAcknowledgment withChanges() {
        BigDecimal each = new BigDecimal("42.50");
        List<LineAck> lines = List.of(
                new LineAck("1", "ACM-77812", "EH-1001", new BigDecimal("40"), "EA", each, LineStatus.IA, null,
                        List.of(schedule("40", "EA", 2027, 1, 15)), "RUGGED TABLET 10 INCH"),
                new LineAck("2", "ACM-77813", "EH-2040", new BigDecimal("24"), "CA", new BigDecimal("115.00"), LineStatus.IP,
                        "ordered at 118.00; the contract price is 115.00", List.of(schedule("24", "CA", 2027, 1, 15)),
                        "PROTECTIVE CASE PACK OF 12"),
                new LineAck("3", "ACM-77815", "EH-1010", new BigDecimal("30"), "EA", new BigDecimal("19.90"), LineStatus.IQ,
                        "sold in multiples of 10", List.of(schedule("20", "EA", 2027, 1, 15), schedule("10", "EA", 2027, 2, 15)),
                        "DOCKING STATION"),
                new LineAck("4", "ACM-77816", "EH-1020", new BigDecimal("12"), "EA", new BigDecimal("7.25"), LineStatus.DR,
                        "earliest delivery 2027-02-01", List.of(schedule("12", "EA", 2027, 2, 1)), "STYLUS PEN"),
                new LineAck("5", "ACM-99001", null, new BigDecimal("5"), "EA", null, LineStatus.R1,
                        "not a contract item", List.of(schedule("5", "EA", 2027, 1, 15)), "OFFICE CHAIR"));
        return new PoAcknowledgment("acme", "4500012400", null, Purpose.ORIGINAL, PoAcknowledgment.Type.AC, ORDERED,
                ORDERED, "GSA-47QSWA-2026", "V-0042817", "USD", lines);
    }

    private static ScheduleLine schedule(String quantity, String unit, int year, int month, int day) {
        return new ScheduleLine(new BigDecimal(quantity), unit, LocalDate.of(year, month, day), null);
    }

    private String write(PoAcknowledgment.Type type, Purpose purpose, List<LineAck> lines) {
        return writer.write(new PoAcknowledgment("acme", "4500012400", null, purpose, type, ORDERED, ORDERED, null, null,
                null, lines), ACME, ControlNumbers.inMemory(), NOW);
    }

    private static List<String> segments(String x12, String tag) {
        return Arrays.stream(x12.split("~\\R?")).filter(s -> s.startsWith(tag + "*")).toList();
    }
}
