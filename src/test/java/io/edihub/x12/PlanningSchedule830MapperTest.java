package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.PlanningSchedule;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleItem;
import io.edihub.canonical.ScheduleItem.Commitment;
import io.edihub.canonical.ScheduleItem.Forecast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 830 planning schedule read through StAEDI with its schema of the group's release and mapped: the golden samples
 * of {@code edi-samples/acme/schedules/} against their expected canonical schedule ({@code .json} beside each), the
 * same schedule in every release we hold, and each refusal with the AK3/AK4 its 997 would carry.
 */
class PlanningSchedule830MapperTest {

    static final Path SAMPLES = Path.of("edi-samples/acme/schedules");
    private static final String BFR = "BFR*05*SCH-2027-01**DL*A*20270101*20271231*20261201**GSA-47QSWA-2026*4500012345";
    private static final String LIN = "LIN**BP*ACM-77812*VP*EH-1001*PL*1";

    @Test
    void planningSchedule004010GivesThreeFirmAndNinePlanningMonthsCumulativeAndAuthorizations() throws IOException {
        ScheduleReading<PlanningSchedule> r = read(Files.readString(SAMPLES.resolve("planning-004010.edi")));

        PlanningSchedule s = clean(r);
        assertThat(s.partnerId()).isEqualTo("acme");
        assertThat(s.scheduleId()).isEqualTo("SCH-2027-01");
        assertThat(s.purpose()).isEqualTo(PurchaseOrder.Purpose.REPLACE);
        assertThat(s.scheduleType()).isEqualTo("DL");
        assertThat(s.quantityQualifier()).isEqualTo("A");
        assertThat(s.horizonStart()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(s.horizonEnd()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(s.generatedDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(s.contractNumber()).isEqualTo("GSA-47QSWA-2026");
        assertThat(s.blanketPoNumber()).isEqualTo("4500012345");
        assertThat(s.source()).isEqualTo(new PurchaseOrder.SourceDocument("X12-830", null, null, "000000830", "830", "0001"));

        ScheduleItem line = s.lines().get(0);
        assertThat(line.buyerPart()).isEqualTo("ACM-77812");
        assertThat(line.vendorPart()).isEqualTo("EH-1001");
        assertThat(line.poLineNumber()).isEqualTo("1");
        assertThat(line.poNumber()).isEqualTo("4500012345");
        assertThat(line.unit()).isEqualTo("EA");
        assertThat(line.forecasts()).hasSize(12);
        assertThat(line.forecasts().subList(0, 3)).extracting(Forecast::commitment, f -> f.quantity().toPlainString(),
                Forecast::date, Forecast::endDate).containsExactly(
                        tuple(Commitment.FIRM, "1000", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)),
                        tuple(Commitment.FIRM, "1000", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28)),
                        tuple(Commitment.FIRM, "1000", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)));
        assertThat(line.forecasts().subList(3, 12)).allSatisfy(f -> {
            assertThat(f.commitment()).isEqualTo(Commitment.PLANNING);
            assertThat(f.commitment().releases()).isFalse();
            assertThat(f.timing()).isEqualTo("M");
        });
        assertThat(line.forecasts().get(11).endDate()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(line.forecasts().stream().map(Forecast::quantity).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("13800");
        assertThat(line.shipped()).extracting(ScheduleItem.Shipped::cumulative, sh -> sh.quantity().toPlainString(),
                ScheduleItem.Shipped::date, ScheduleItem.Shipped::endDate).containsExactly(
                        tuple(true, "2500", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30)),
                        tuple(false, "400", LocalDate.of(2026, 11, 20), null));
        assertThat(line.authorizations()).extracting(ScheduleItem.Authorization::resource, a -> a.quantity().toPlainString(),
                ScheduleItem.Authorization::throughDate, ScheduleItem.Authorization::cumulativeStart).containsExactly(
                        tuple("FI", "3000", LocalDate.of(2027, 3, 31), LocalDate.of(2026, 12, 1)),
                        tuple("MT", "6600", LocalDate.of(2027, 6, 30), LocalDate.of(2026, 12, 1)));
    }

    @Test
    void planningSchedule005010NamesItsOrderInAHeadingRefAndReadsTheSdpLoop() throws IOException {
        ScheduleReading<PlanningSchedule> r = read(Files.readString(SAMPLES.resolve("planning-005010.edi")));

        PlanningSchedule s = clean(r);
        assertThat(s.blanketPoNumber()).isEqualTo("4500012345");
        assertThat(s.lines()).extracting(ScheduleItem::buyerPart, ScheduleItem::unit, ScheduleItem::poLineNumber)
                .containsExactly(tuple("ACM-77812", "EA", "1"), tuple("ACM-99120", "CA", "2"));
        ScheduleItem second = s.lines().get(1);
        assertThat(second.forecasts()).hasSize(12);
        assertThat(second.forecasts().stream().filter(f -> f.commitment() == Commitment.FIRM)).hasSize(3);
        assertThat(second.authorizations()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"planning-004010", "planning-005010", "shipping-004010"})
    void goldenSamplesGiveTheirExpectedCanonicalSchedule(String name) throws IOException {
        String x12 = Files.readString(SAMPLES.resolve(name + ".edi"));
        Object schedule = name.startsWith("planning") ? clean(read(x12)) : ShippingSchedule862MapperTest.clean(ShippingSchedule862MapperTest.read(x12));
        Path expected = SAMPLES.resolve(name + ".json");
        if (Boolean.getBoolean("edihub.golden.write")) {
            Files.writeString(expected, CanonicalJson.pretty(schedule) + "\n");
        }
        JsonNode actual = CanonicalJson.MAPPER.readTree(CanonicalJson.pretty(schedule));
        assertThat(actual).isEqualTo(CanonicalJson.MAPPER.readTree(Files.readString(expected)));
    }

    static Stream<String> releases() {
        return ReleaseSchemas.RELEASES.stream();
    }

    /**
     * The same schedule sent in each release we hold: read clean with that release's schema, mapped the same. Before
     * 004010 a date is YYMMDD, in the envelope and in the set.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void theScheduleReadsTheSameInEveryRelease(String release) throws IOException {
        String x12 = Files.readString(SAMPLES.resolve("planning-004010.edi")).replace("*X*004010~", "*X*" + release + "~");
        if (release.startsWith("003")) {
            x12 = x12.replaceAll("\\*20(\\d{6})(?=[*~])", "*$1");
        }

        PlanningSchedule s = clean(read(x12));
        assertThat(s.horizonStart()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(s.lines().get(0).forecasts()).hasSize(12);
        assertThat(s.lines().get(0).authorizations()).hasSize(2);
        assertThat(s.lines().get(0).shipped()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "830-negative-quantity          | FST:11:1:QUANTITY_NEGATIVE            | AK3*FST*11**8 / AK4*1*380*6*-1000",
        "830-fst-outside-horizon        | FST:10:4:FST_OUTSIDE_HORIZON          | AK3*FST*10**8 / AK4*4*373*8*20261201",
        "830-fst-periods-overlap        | FST:11:4:FST_PERIODS_OVERLAP          | AK3*FST*11**8 / AK4*4*373*8*20270115",
        "830-horizon-end-before-start   | BFR:2:7:HORIZON_END_BEFORE_START      | AK3*BFR*2**8 / AK4*7*373*8*20261231",
        "830-no-blanket-po              | BFR:2:11:BLANKET_PO_MISSING           | AK3*BFR*2**8 / AK4*11*324*2",
        "830-unknown-forecast-qualifier | FST:13:2:FORECAST_QUALIFIER_NOT_TAKEN | AK3*FST*13**8 / AK4*2*680*7*Z"})
    void brokenSamplesAreRefusedWithTheirAk3AndAk4(String name, String error, String ak3ak4) throws IOException {
        ScheduleReading<PlanningSchedule> r = read(Files.readString(SAMPLES.resolve("broken").resolve(name + ".edi")));

        assertThat(r.structureProblems).isEmpty();
        assertThat(r.transaction.status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(r.errors()).containsExactly(error);
        assertThat(r.ak3ak4()).containsExactly(ak3ak4);
        assertThat(r.schedule).isNull();
    }

    @Test
    void refusalsSayWhatIsWrongInWords() throws IOException {
        assertThat(message("830-fst-outside-horizon")).contains("FST04 2026-12-01 is before the schedule's horizon",
                "BFR06 to BFR07, 2027-01-01 to 2027-12-31");
        assertThat(message("830-fst-periods-overlap")).contains("2027-01-15 to 2027-02-14 overlaps the one of 2027-01-01 to "
                + "2027-01-31", "ACM-77812");
        assertThat(message("830-unknown-forecast-qualifier")).contains("FST02 'Z'", "C (firm)", "D (planning)");
        assertThat(message("830-no-blanket-po")).contains("names no blanket order", "BFR11", "REF*PO");
        assertThat(message("830-horizon-end-before-start")).contains("BFR07 2026-12-31", "before BFR06 2027-01-01");
        assertThat(message("830-negative-quantity")).contains("FST01 quantity -1000 is negative");
    }

    @ParameterizedTest
    @CsvSource({"A, IMMEDIATE", "C, FIRM", "D, PLANNING"})
    void forecastQualifiersTakenAndWhatTheyBecome(String code, Commitment commitment) {
        PlanningSchedule s = clean(read(set(BFR, LIN, "UIT*EA", "FST*10*" + code + "*D*20270105")));

        assertThat(s.lines().get(0).forecasts().get(0).commitment()).isEqualTo(commitment);
        assertThat(commitment.releases()).isEqualTo(!code.equals("D"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"B", "E", "F", "Z"})
    void otherForecastQualifiersAreRefused(String code) {
        ScheduleReading<PlanningSchedule> r = read(set(BFR, LIN, "UIT*EA", "FST*10*" + code + "*D*20270105"));

        assertThat(r.ak3ak4()).containsExactly("AK3*FST*5**8 / AK4*2*680*7*" + code);
    }

    @Test
    void timingGivesThePeriodsEndAndAFlexibleIntervalItsFst05() {
        PlanningSchedule s = clean(read(set(BFR, LIN, "UIT*EA", "FST*10*C*D*20270105", "FST*70*C*W*20270111",
                "FST*300*D*F*20270201*20270320", "FST*100*D*M*20270401")));

        assertThat(s.lines().get(0).forecasts()).extracting(Forecast::timing, Forecast::date, Forecast::endDate).containsExactly(
                tuple("D", LocalDate.of(2027, 1, 5), LocalDate.of(2027, 1, 5)),
                tuple("W", LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 17)),
                tuple("F", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 20)),
                tuple("M", LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 30)));
    }

    @Test
    void aWeekOverlappingADayOfTheSameLineIsRefusedButTheSameDayOfAnotherLineIsNot() {
        ScheduleReading<PlanningSchedule> r = read(set(BFR, LIN, "UIT*EA", "FST*70*C*W*20270111", "FST*10*C*D*20270113",
                "LIN**BP*ACM-99120", "UIT*EA", "FST*10*C*D*20270113"));

        assertThat(r.errors()).containsExactly("FST:6:4:FST_PERIODS_OVERLAP");
    }

    @Test
    void aBucketRunningPastTheHorizonIsRefused() {
        ScheduleReading<PlanningSchedule> r = read(set(BFR.replace("*20271231*", "*20271215*"), LIN, "UIT*EA",
                "FST*100*D*M*20271201"));

        assertThat(r.ak3ak4()).containsExactly("AK3*FST*5**8 / AK4*4*373*8*20271201");
        assertThat(r.transaction.errors().get(0).message()).contains("(timing M) runs to 2027-12-31", "2027-01-01 to 2027-12-15");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "FST*10*C*D*20270105             | SHP*02*-5*051*20260101**20261130 | AK3*SHP*6**8 / AK4*2*380*6*-5",
        "ATH*FI*20270331*-3000**20261201 | FST*10*C*D*20270105              | AK3*ATH*5**8 / AK4*3*380*6*-3000",
        "ATH*MT*20270331*10*-20*20261201 | FST*10*C*D*20270105              | AK3*ATH*5**8 / AK4*4*380*6*-20"})
    void negativeShippedAndAuthorizedQuantitiesAreRefused(String first, String second, String ak3ak4) {
        ScheduleReading<PlanningSchedule> r = read(set(BFR, LIN, "UIT*EA", first, second));

        assertThat(r.ak3ak4()).containsExactly(ak3ak4);
    }

    @Test
    void aScheduleWhoseEveryLineNamesItsOrderNeedsNoneInTheHeading() {
        PlanningSchedule s = clean(read(set(BFR.replace("*4500012345", ""), LIN, "UIT*EA", "REF*PO*4500012345",
                "FST*10*C*D*20270105", "LIN**BP*ACM-99120", "UIT*EA", "REF*PO*4500077777", "FST*10*C*D*20270105")));

        assertThat(s.blanketPoNumber()).isNull();
        assertThat(s.lines()).extracting(ScheduleItem::poNumber).containsExactly("4500012345", "4500077777");
    }

    @Test
    void aRefOfAPartyOrACumulativeIsNotTheLinesOrder() {
        ScheduleReading<PlanningSchedule> r = read(set(BFR.replace("*4500012345", ""), LIN, "UIT*EA", "N1*ST*DEPOT*92*D12",
                "REF*PO*NOT-AN-ORDER", "FST*10*C*D*20270105"));

        assertThat(r.errors()).containsExactly("BFR:2:11:BLANKET_PO_MISSING");
    }

    @Test
    void aLineCountThatDoesNotMatchIsAWarningOnly() {
        ScheduleReading<PlanningSchedule> r = read(set(BFR, LIN, "UIT*EA", "FST*10*C*D*20270105", "CTT*3"));

        assertThat(r.transaction.status()).isEqualTo(TransactionResult.Status.ACCEPTED_WITH_ERRORS);
        assertThat(r.schedule).isNotNull();
        assertThat(r.errors()).containsExactly("CTT:6:1:LINE_COUNT_MISMATCH");
    }

    /** This step reads schedules only: the intake answers an 830 and an 862 as it did before the readers existed. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"planning-004010", "shipping-004010"})
    void theIntakeStillRefusesASchedulesSetAsOneItDoesNotTake(String name) throws IOException {
        io.edihub.partner.PartnerDirectory partners = io.edihub.partner.PartnerDirectory.load(Path.of("config/partners"));
        OurIdentity us = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
        X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(us), GoldenSampleTest.CLOCK);
        IntakeContext context = new IntakeContext(partners.byId("acme"), partners, us, IntakeContext.DuplicateCheck.inMemory());

        X12Translator.Translation t = translator.translate(name + ".edi", Files.newInputStream(SAMPLES.resolve(name + ".edi")),
                context, ControlNumbers.inMemory(), new X12Translator.Listener() { });

        TransactionResult set = t.result().interchanges().get(0).groups().get(0).transactions().get(0);
        assertThat(set.status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(set.errors()).extracting(X12Error::code).containsExactly("TRANSACTION_SET_NOT_SUPPORTED");
        assertThat(t.acknowledgments().get(0).text()).contains("AK5*R*1~");
    }

    // ---------------------------------------------------------------------------------------------

    static ScheduleReading<PlanningSchedule> read(String x12) {
        return new ScheduleReading<>(x12, control -> {
            PlanningSchedule830Mapper m = new PlanningSchedule830Mapper("acme", "000000830", "830", control);
            return new ScheduleReading.Mapper<PlanningSchedule>() {
                @Override
                public void segment(String tag, int position, String[] v, int count, TransactionResult tx) {
                    m.segment(tag, position, v, count, tx);
                }

                @Override
                public PlanningSchedule build(TransactionResult tx) {
                    return m.build(tx);
                }
            };
        });
    }

    static PlanningSchedule clean(ScheduleReading<PlanningSchedule> r) {
        assertThat(r.structureProblems).as("what StAEDI found").isEmpty();
        assertThat(r.transaction.errors()).as("errors").isEmpty();
        assertThat(r.schedule).isNotNull();
        return r.schedule;
    }

    private static String message(String broken) throws IOException {
        return read(Files.readString(SAMPLES.resolve("broken").resolve(broken + ".edi"))).transaction.errors().get(0).message();
    }

    /** One 830 in a 004010 interchange of partner acme. */
    static String set(String... segments) {
        StringBuilder sb = new StringBuilder();
        sb.append("ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *261201*0800*U*00401*000000830*0*P*>~\n");
        sb.append("GS*PS*ACMEFED*EDIHUB*20261201*0800*830*X*004010~\nST*830*0001~\n");
        for (String s : segments) {
            sb.append(s).append("~\n");
        }
        sb.append("SE*").append(segments.length + 2).append("*0001~\nGE*1*830~\nIEA*1*000000830~\n");
        return sb.toString();
    }
}
