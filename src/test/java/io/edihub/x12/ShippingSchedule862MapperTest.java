package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleItem;
import io.edihub.canonical.ScheduleItem.Commitment;
import io.edihub.canonical.ScheduleItem.Forecast;
import io.edihub.canonical.ShippingSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 862 shipping schedule read through StAEDI with its schema of the group's release and mapped: the golden sample
 * of {@code edi-samples/acme/schedules/} (its expected canonical schedule is checked beside the 830s' in
 * {@link PlanningSchedule830MapperTest}), and each refusal with the AK3/AK4 its 997 would carry.
 */
class ShippingSchedule862MapperTest {

    private static final Path SAMPLES = PlanningSchedule830MapperTest.SAMPLES;
    private static final String BSS = "BSS*00*SS-2027-0104*20270104*DL*20270104*20270131*REL-0001**GSA-47QSWA-2026*4500012345*A";

    @Test
    void shippingSchedule004010GivesFirmShipDatesInItsWindow() throws IOException {
        ShippingSchedule s = clean(read(Files.readString(SAMPLES.resolve("shipping-004010.edi"))));

        assertThat(s.partnerId()).isEqualTo("acme");
        assertThat(s.scheduleId()).isEqualTo("SS-2027-0104");
        assertThat(s.issueDate()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(s.purpose()).isEqualTo(PurchaseOrder.Purpose.ORIGINAL);
        assertThat(s.scheduleType()).isEqualTo("DL");
        assertThat(s.horizonStart()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(s.horizonEnd()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(s.releaseNumber()).isEqualTo("REL-0001");
        assertThat(s.contractNumber()).isEqualTo("GSA-47QSWA-2026");
        assertThat(s.blanketPoNumber()).isEqualTo("4500012345");
        assertThat(s.quantityQualifier()).isEqualTo("A");
        assertThat(s.source()).isEqualTo(new PurchaseOrder.SourceDocument("X12-862", null, null, "000000862", "862", "0001"));
        ScheduleItem line = s.lines().get(0);
        assertThat(line.buyerPart()).isEqualTo("ACM-77812");
        assertThat(line.unit()).isEqualTo("EA");
        assertThat(line.forecasts()).extracting(Forecast::commitment, f -> f.quantity().toPlainString(), Forecast::date,
                Forecast::endDate).containsExactly(
                        tuple(Commitment.FIRM, "250", LocalDate.of(2027, 1, 8), LocalDate.of(2027, 1, 8)),
                        tuple(Commitment.FIRM, "250", LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 15)),
                        tuple(Commitment.FIRM, "250", LocalDate.of(2027, 1, 22), LocalDate.of(2027, 1, 22)),
                        tuple(Commitment.FIRM, "250", LocalDate.of(2027, 1, 29), LocalDate.of(2027, 1, 29)));
        assertThat(line.shipped()).singleElement().satisfies(sh -> {
            assertThat(sh.cumulative()).isTrue();
            assertThat(sh.quantity()).isEqualByComparingTo("2500");
            assertThat(sh.endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
        });
        assertThat(line.authorizations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "862-negative-quantity   | FST:7:1:QUANTITY_NEGATIVE   | AK3*FST*7**8 / AK4*1*380*6*-250",
        "862-fst-outside-horizon | FST:9:4:FST_OUTSIDE_HORIZON | AK3*FST*9**8 / AK4*4*373*8*20270205",
        "862-no-blanket-po       | BSS:2:10:BLANKET_PO_MISSING | AK3*BSS*2**8 / AK4*10*324*2"})
    void brokenSamplesAreRefusedWithTheirAk3AndAk4(String name, String error, String ak3ak4) throws IOException {
        ScheduleReading<ShippingSchedule> r = read(Files.readString(SAMPLES.resolve("broken").resolve(name + ".edi")));

        assertThat(r.structureProblems).isEmpty();
        assertThat(r.transaction.status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(r.errors()).containsExactly(error);
        assertThat(r.ak3ak4()).containsExactly(ak3ak4);
        assertThat(r.schedule).isNull();
    }

    @Test
    void aHorizonThatEndsBeforeItStartsIsRefused() {
        ScheduleReading<ShippingSchedule> r = read(set(BSS.replace("*20270104*20270131*", "*20270104*20270103*"),
                "LIN**BP*ACM-77812", "UIT*EA", "FST*250*C*D*20270108"));

        assertThat(r.ak3ak4()).containsExactly("AK3*BSS*2**8 / AK4*6*373*8*20270103");
        assertThat(r.schedule).isNull();
    }

    @Test
    void overlappingShipDatesOfOnePartAreRefused() {
        ScheduleReading<ShippingSchedule> r = read(set(BSS, "LIN**BP*ACM-77812", "UIT*EA", "FST*250*C*D*20270108",
                "FST*100*C*D*20270108"));

        assertThat(r.ak3ak4()).containsExactly("AK3*FST*6**8 / AK4*4*373*8*20270108");
    }

    @Test
    void anUnknownForecastQualifierIsRefused() {
        ScheduleReading<ShippingSchedule> r = read(set(BSS, "LIN**BP*ACM-77812", "UIT*EA", "FST*250*Z*D*20270108"));

        assertThat(r.ak3ak4()).containsExactly("AK3*FST*5**8 / AK4*2*680*7*Z");
    }

    @Test
    void aLineMayNameItsOwnOrderWhenBss10IsEmpty() {
        ShippingSchedule s = clean(read(set(BSS.replace("*4500012345*", "**"), "LIN**BP*ACM-77812", "UIT*EA",
                "REF*PO*4500012345", "FST*250*C*D*20270108")));

        assertThat(s.blanketPoNumber()).isNull();
        assertThat(s.lines().get(0).poNumber()).isEqualTo("4500012345");
    }

    /** The same schedule sent in each release we hold; before 004010 a date is YYMMDD, in the envelope and in the set. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("io.edihub.x12.PlanningSchedule830MapperTest#releases")
    void theScheduleReadsTheSameInEveryRelease(String release) throws IOException {
        String x12 = Files.readString(SAMPLES.resolve("shipping-004010.edi")).replace("*X*004010~", "*X*" + release + "~");
        if (release.startsWith("003")) {
            x12 = x12.replaceAll("\\*20(\\d{6})(?=[*~])", "*$1");
        }

        ShippingSchedule s = clean(read(x12));
        assertThat(s.horizonEnd()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(s.lines().get(0).forecasts()).hasSize(4);
        assertThat(s.lines().get(0).shipped()).hasSize(1);
    }

    /** Our schema files load on their own too (their transaction is the 004010 table), as every set's does. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/x12/830.xml", "/x12/862.xml"})
    void theSchemaFilesLoadOnTheirOwn(String resource) {
        assertThat(InterchangeReader.loadSchema(resource)).isNotNull();
    }

    // ---------------------------------------------------------------------------------------------

    static ScheduleReading<ShippingSchedule> read(String x12) {
        return new ScheduleReading<>(x12, control -> {
            ShippingSchedule862Mapper m = new ShippingSchedule862Mapper("acme", "000000862", "862", control);
            return new ScheduleReading.Mapper<ShippingSchedule>() {
                @Override
                public void segment(String tag, int position, String[] v, int count, TransactionResult tx) {
                    m.segment(tag, position, v, count, tx);
                }

                @Override
                public ShippingSchedule build(TransactionResult tx) {
                    return m.build(tx);
                }
            };
        });
    }

    static ShippingSchedule clean(ScheduleReading<ShippingSchedule> r) {
        assertThat(r.structureProblems).as("what StAEDI found").isEmpty();
        assertThat(r.transaction.errors()).as("errors").isEmpty();
        assertThat(r.schedule).isNotNull();
        return r.schedule;
    }

    /** One 862 in a 004010 interchange of partner acme. */
    static String set(String... segments) {
        StringBuilder sb = new StringBuilder();
        sb.append("ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *270104*0800*U*00401*000000862*0*P*>~\n");
        sb.append("GS*SS*ACMEFED*EDIHUB*20270104*0800*862*X*004010~\nST*862*0001~\n");
        for (String s : segments) {
            sb.append(s).append("~\n");
        }
        sb.append("SE*").append(segments.length + 2).append("*0001~\nGE*1*862~\nIEA*1*000000862~\n");
        return sb.toString();
    }
}
