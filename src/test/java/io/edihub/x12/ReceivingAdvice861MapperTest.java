package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edihub.canonical.Acceptance;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.cli.TranslateCommand;
import io.edihub.partner.PartnerDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 861 mapping rules, beyond the golden samples in {@code edi-samples/acme/acceptances/}: each receiving
 * advice is read as partner acme would send it, through the reader and the 997 writer.
 */
class ReceivingAdvice861MapperTest {

    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final String BRA = "BRA*RA-2027-0042*20270122*00*8";
    private static final String DTM = "DTM*050*20270121";
    private static final String PRF_01 = "PRF*4500012345*4500012345-01";
    private static final String PRF_02 = "PRF*4500012345*4500012345-02";
    private static final String LIN_1 = "LIN*1*BP*ACM-77812*VP*EH-1001";

    @Test
    void partialAcceptanceGivesAcceptedReturnedAndDisputedQuantities() throws IOException {
        Read r;
        try (InputStream in = Files.newInputStream(Path.of("edi-samples/acme/acceptances/partial-acceptance.861.edi"))) {
            r = new Read(in);
        }

        Acceptance acceptance = r.onlyAcceptance();
        assertThat(acceptance.partnerId()).isEqualTo("acme");
        assertThat(acceptance.acceptanceId()).isEqualTo("RA-2027-0042");
        assertThat(acceptance.poNumber()).isEqualTo("4500012345");
        assertThat(acceptance.releaseId()).isEqualTo("4500012345-01");
        assertThat(acceptance.acceptedOn()).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(acceptance.implicit()).isFalse();
        assertThat(acceptance.source()).isEqualTo(new PurchaseOrder.SourceDocument("X12-861", null, null, "000000501",
                "5001", "0001"));
        assertThat(acceptance.lines()).extracting(Acceptance.Line::lineNumber).containsExactly("1", "2");
        Acceptance.Line line = acceptance.lines().get(0);
        assertThat(line.accepted()).isEqualByComparingTo("80");
        assertThat(line.returned()).isEqualByComparingTo("15");
        assertThat(line.disputed()).isEqualByComparingTo("5");
        assertThat(line.rejected()).isEqualByComparingTo("20");
        assertThat(line.unit()).isEqualTo("EA");
        assertThat(line.condition()).isEqualTo("01");
        assertThat(line.reason()).isNull();
        Acceptance.Line cases = acceptance.lines().get(1);
        assertThat(cases.accepted()).isEqualByComparingTo("50");
        assertThat(cases.rejected()).isEqualByComparingTo("0");
        assertThat(cases.unit()).isEqualTo("CA");
        assertThat(cases.condition()).isNull();
        assertThat(r.ack()).contains("AK1*RC*5001~", "AK2*861*0001~", "AK5*A~", "AK9*A*1*1*1~");
        assertThat(AcknowledgmentValidation.problems(r.ack())).isEmpty();
    }

    @Test
    void theLineIsLin01AndRcd01OnlyStandsInWithoutIt() {
        Read withLin = read(BRA, DTM, PRF_01, "RCD*7*100*EA", LIN_1);
        assertThat(withLin.onlyAcceptance().lines()).extracting(Acceptance.Line::lineNumber).containsExactly("1");

        Read withoutLin = read(BRA, DTM, PRF_01, "RCD*3*100*EA", "PID*F****RUGGED TABLET 10 INCH");
        assertThat(withoutLin.onlyAcceptance().lines()).extracting(Acceptance.Line::lineNumber).containsExactly("3");
    }

    @Test
    void aLineNamedNowhereIsRefused() {
        Read r = read(BRA, DTM, PRF_01, "RCD**100*EA");

        assertThat(r.rejection()).containsExactly("RCD:5:1:LINE_NUMBER_MISSING");
        assertThat(r.ack()).contains("AK3*RCD*5**8~", "AK4*1*350*1~", "AK5*R*5~");
    }

    @Test
    void eachReleaseIsOneAcceptanceAndALoopPrfOverridesTheHeading() {
        Read r = read(BRA, DTM, PRF_01,
                "RCD*1*100*EA", LIN_1,
                "RCD*2*90*EA***10*EA*02", LIN_1, PRF_02,
                "RCD*3*50*CA", "LIN*2*BP*ACM-77813*VP*EH-2040",
                "CTT*3");

        assertThat(r.transaction().status()).isEqualTo(TransactionResult.Status.ACCEPTED);
        List<Acceptance> acceptances = r.acceptances.get(0);
        assertThat(acceptances).extracting(Acceptance::releaseId).containsExactly("4500012345-01", "4500012345-02");
        assertThat(acceptances.get(0).lines()).extracting(Acceptance.Line::lineNumber, Acceptance.Line::unit)
                .containsExactly(tuple("1", "EA"), tuple("2", "CA"));
        assertThat(acceptances.get(1).lines()).singleElement().satisfies(line -> {
            assertThat(line.accepted()).isEqualByComparingTo("90");
            assertThat(line.returned()).isEqualByComparingTo("0");
            assertThat(line.disputed()).isEqualByComparingTo("10");
            assertThat(line.condition()).isEqualTo("02");
        });
        assertThat(acceptances).allSatisfy(a -> assertThat(a.acceptanceId()).isEqualTo("RA-2027-0042"));
    }

    @Test
    void everyQuantityInQuestionIsDisputedAndTheFirstConditionIsKept() {
        Read r = read(BRA, DTM, PRF_01, "RCD*1*70*EA*10*EA***" + "*5*EA*01*3*EA*04*2*EA*02", LIN_1);

        Acceptance.Line line = r.onlyAcceptance().lines().get(0);
        assertThat(line.accepted()).isEqualByComparingTo("70");
        assertThat(line.returned()).isEqualByComparingTo("10");
        assertThat(line.disputed()).isEqualByComparingTo("10");
        assertThat(line.condition()).isEqualTo("01");
    }

    @ParameterizedTest
    @CsvSource({"'RCD*1*-80*EA', 2, 663", "'RCD*1*80*EA*-15*EA', 4, 664", "'RCD*1*80*EA***-5*EA*01', 6, 667",
        "'RCD*1*80*EA***5*EA*01*-2*EA*02', 9, 667"})
    void negativeQuantitiesAreRefused(String rcd, int element, String reference) {
        Read r = read(BRA, DTM, PRF_01, rcd, LIN_1);

        assertThat(r.rejection()).containsExactly("RCD:5:" + element + ":QUANTITY_NEGATIVE");
        assertThat(r.transaction().errors().get(0).message()).contains("quantity must not be negative");
        assertThat(r.ack()).contains("AK3*RCD*5**8~", "AK4*" + element + "*" + reference + "*6*-", "AK5*R*5~");
    }

    @Test
    void aSetWithoutAnyPoReferenceIsRefused() {
        Read r = read(BRA, DTM, "RCD*1*80*EA", LIN_1);

        assertThat(r.rejection()).containsExactly("PRF:4:null:RELEASE_REFERENCE_MISSING");
        assertThat(r.transaction().errors().get(0).message()).contains("never guesses");
        assertThat(r.ack()).contains("AK3*PRF*4**3~", "AK5*R*5~");
    }

    @Test
    void aPoReferenceWithoutReleaseIsRefused() {
        Read heading = read(BRA, DTM, "PRF*4500012345", "RCD*1*80*EA", LIN_1);
        assertThat(heading.rejection()).containsExactly("PRF:4:2:RELEASE_MISSING");
        assertThat(heading.ack()).contains("AK3*PRF*4**8~", "AK4*2*328*1~");

        Read loop = read(BRA, DTM, "RCD*1*80*EA", LIN_1, "PRF*4500012345");
        assertThat(loop.rejection()).containsExactly("PRF:6:2:RELEASE_MISSING");
    }

    @Test
    void aLineWithoutPrfUnderAHeadingOfTwoReleasesIsRefused() {
        Read r = read(BRA, DTM, PRF_01, PRF_02, "RCD*1*80*EA", LIN_1);

        assertThat(r.rejection()).containsExactly("PRF:6:null:RELEASE_AMBIGUOUS");
        assertThat(r.transaction().errors().get(0).message()).contains("4500012345-01, 4500012345-02");
    }

    @Test
    void oneLineCannotNameTwoReleases() {
        Read r = read(BRA, DTM, "RCD*1*80*EA", LIN_1, PRF_01, PRF_02);

        assertThat(r.rejection()).containsExactly("PRF:7:2:SECOND_RELEASE_IN_LINE");
    }

    @Test
    void aLineIsJudgedOncePerRelease() {
        Read twice = read(BRA, DTM, PRF_01, "RCD*1*50*EA", LIN_1, "RCD*2*30*EA", LIN_1);
        assertThat(twice.rejection()).containsExactly("RCD:7:1:DUPLICATE_LINE");

        Read twoReleases = read(BRA, DTM, "RCD*1*50*EA", LIN_1, PRF_01, "RCD*2*30*EA", LIN_1, PRF_02);
        assertThat(twoReleases.transaction().status()).isEqualTo(TransactionResult.Status.ACCEPTED);
        assertThat(twoReleases.acceptances.get(0)).hasSize(2);
    }

    @Test
    void everyQuantityOfALineIsInOneUnit() {
        Read r = read(BRA, DTM, PRF_01, "RCD*1*80*EA*1*CA", LIN_1);

        assertThat(r.rejection()).containsExactly("RCD:5:5:UNIT_MISMATCH");
    }

    @Test
    void aSetWithoutLinesIsRefused() {
        Read r = read(BRA, DTM, PRF_01);

        assertThat(r.rejection()).containsExactly("RCD:5:null:NO_LINES");
        assertThat(r.ack()).contains("AK3*RCD*5**3~", "AK5*R*5~");
    }

    @ParameterizedTest
    @CsvSource({"01, cancellation", "04, change", "05, replace", "06, confirmation"})
    void purposesOtherThanOriginalAreRefused(String code, String name) {
        Read r = read(BRA.replace("*00*8", "*" + code + "*8"), DTM, PRF_01, "RCD*1*80*EA", LIN_1);

        assertThat(r.rejection()).containsExactly("BRA:2:3:PURPOSE_NOT_SUPPORTED");
        assertThat(r.transaction().errors().get(0).message()).contains("BRA03 '" + code + "' (" + name + ")",
                "original receiving advices (00) only");
        assertThat(r.ack()).contains("AK3*BRA*2**8~", "AK4*3*353*7*" + code + "~", "AK5*R*5~");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "8", "A"})
    void anyTypeCodeIsTaken(String type) {
        Read r = read(BRA.replace("*00*8", "*00*" + type), DTM, PRF_01, "RCD*1*80*EA", LIN_1);

        assertThat(r.onlyAcceptance().lines().get(0).accepted()).isEqualByComparingTo("80");
    }

    @Test
    void wrongLineCountIsTakenAndNoted() {
        Read r = read(BRA, DTM, PRF_01, "RCD*1*80*EA", LIN_1, "CTT*2");

        assertThat(r.transaction().status()).isEqualTo(TransactionResult.Status.ACCEPTED_WITH_ERRORS);
        assertThat(r.transaction().errors()).extracting(X12Error::code).containsExactly("LINE_COUNT_MISMATCH");
        assertThat(r.acceptances.get(0)).hasSize(1);
        assertThat(r.ack()).contains("AK5*E~");
    }

    @Test
    void structureIsCheckedAgainstThe861Schema() {
        Read noDate = read(BRA, PRF_01, "RCD*1*80*EA", LIN_1);
        assertThat(noDate.transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(noDate.ack()).contains("AK3*DTM*");
        assertThat(noDate.acceptances).containsExactly(List.of());

        Read noQuantity = read(BRA, DTM, PRF_01, "RCD*1", LIN_1);
        assertThat(noQuantity.transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(noQuantity.ack()).contains("AK3*RCD*5**8~", "AK4*2*663*2~");

        Read noUnit = read(BRA, DTM, PRF_01, "RCD*1*80", LIN_1);
        assertThat(noUnit.transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
    }

    @Test
    void an861OutsideAnRcGroupIsRefused() {
        Read r = readSet("GS*PO", "861", BRA, DTM, PRF_01, "RCD*1*80*EA", LIN_1);

        assertThat(r.rejection()).containsExactly("ST:1:1:WRONG_FUNCTIONAL_GROUP");
        assertThat(r.transaction().errors().get(0).message()).contains("861", "RC group");
        assertThat(r.ack()).contains("AK1*PO*9001~", "AK2*861*0001~", "AK5*R*1~");
    }

    @Test
    void listenerHearsTheAcceptancesThenTheSetEnd() {
        Read r = read(BRA, DTM, PRF_01, "RCD*1*80*EA", LIN_1);

        assertThat(r.events).containsExactly("acceptances 0001 (1)", "transaction 0001 order=null");
    }

    @Test
    void aListenerCanRefuseTheAcceptances() {
        X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                GoldenSampleTest.CLOCK);
        IntakeContext context = new IntakeContext(PARTNERS.byId("acme"), PARTNERS, US, IntakeContext.DuplicateCheck.inMemory());
        String x12 = interchange("GS*RC", "861", BRA, DTM, PRF_01, "RCD*1*80*EA", LIN_1);
        X12Translator.Translation t = translator.translate("test.edi", new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)),
                context, ControlNumbers.inMemory(), new X12Translator.Listener() {
                    @Override
                    public void acceptances(InterchangeResult i, GroupResult g, TransactionResult tx, List<Acceptance> read) {
                        tx.rejectElement("PRF", 4, 2, "328", "7", read.get(0).releaseId(), "RELEASE_NOT_SHIPPED",
                                "release " + read.get(0).releaseId() + " was never shipped");
                    }
                });

        assertThat(t.acknowledgments().get(0).text()).contains("AK3*PRF*4**8~", "AK4*2*328*7*4500012345-01~", "AK5*R~");
        assertThat(t.result().fullyAccepted()).isFalse();
    }

    @Test
    void translateShowsTheAcceptancesOfAn861() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TranslateCommand.run(new String[] {"edi-samples/acme/acceptances/two-releases.861.edi"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));

        assertThat(status).isZero();
        JsonNode set = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8))
                .get("interchanges").get(0).get("groups").get(0).get("transactions").get(0);
        assertThat(set.get("type").asText()).isEqualTo("861");
        assertThat(set.has("order")).isFalse();
        JsonNode acceptances = set.get("acceptances");
        assertThat(acceptances).hasSize(2);
        assertThat(acceptances.get(1).get("releaseId").asText()).isEqualTo("4500012345-02");
        assertThat(acceptances.get(1).get("lines").get(0).get("disputed").decimalValue()).isEqualByComparingTo(
                BigDecimal.TEN);
    }

    // ---------------------------------------------------------------------------------------------

    private static Read read(String... segments) {
        return readSet("GS*RC", "861", segments);
    }

    private static Read readSet(String gs, String type, String... segments) {
        return new Read(new ByteArrayInputStream(interchange(gs, type, segments).getBytes(StandardCharsets.US_ASCII)));
    }

    static String interchange(String gs, String type, String... segments) {
        StringBuilder sb = new StringBuilder();
        sb.append("ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *270122*1030*U*00401*000000901*0*P*>~\n");
        sb.append(gs).append("*ACMEFED*EDIHUB*20270122*1030*9001*X*004010~\n");
        sb.append("ST*").append(type).append("*0001~\n");
        for (String s : segments) {
            sb.append(s).append("~\n");
        }
        sb.append("SE*").append(segments.length + 2).append("*0001~\nGE*1*9001~\nIEA*1*000000901~\n");
        return sb.toString();
    }

    /** One file read through the translator, as acme's channel, with what the listener heard. */
    private static final class Read {

        final List<List<Acceptance>> acceptances = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final X12Translator.Translation translation;

        Read(InputStream in) {
            X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                    GoldenSampleTest.CLOCK);
            IntakeContext context = new IntakeContext(PARTNERS.byId("acme"), PARTNERS, US,
                    IntakeContext.DuplicateCheck.inMemory());
            translation = translator.translate("test.edi", in, context, ControlNumbers.inMemory(), new X12Translator.Listener() {
                @Override
                public void acceptances(InterchangeResult i, GroupResult g, TransactionResult t, List<Acceptance> read) {
                    acceptances.add(read);
                    events.add("acceptances " + t.controlNumber() + " (" + read.size() + ")");
                }

                @Override
                public void transaction(InterchangeResult i, GroupResult g, TransactionResult t, PlannedOrder order) {
                    events.add("transaction " + t.controlNumber() + " order=" + (order == null ? "null" : "planned"));
                }
            });
        }

        TransactionResult transaction() {
            return translation.result().interchanges().get(0).groups().get(0).transactions().get(0);
        }

        Acceptance onlyAcceptance() {
            assertThat(transaction().errors()).as("errors").isEmpty();
            assertThat(acceptances).hasSize(1);
            assertThat(acceptances.get(0)).hasSize(1);
            assertThat(translation.acceptances(transaction())).isEqualTo(acceptances.get(0));
            return acceptances.get(0).get(0);
        }

        /** The set's errors as segment:position:element:code, the set being rejected. */
        List<String> rejection() {
            assertThat(transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
            assertThat(acceptances).allSatisfy(a -> assertThat(a).isEmpty());
            return transaction().errors().stream().map(e -> e.segment() + ":" + e.position() + ":" + e.element() + ":"
                    + e.code()).toList();
        }

        String ack() {
            return translation.acknowledgments().get(0).text();
        }
    }
}
