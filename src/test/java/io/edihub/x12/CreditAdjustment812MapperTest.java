package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edihub.canonical.Adjustment;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.cli.TranslateCommand;
import io.edihub.document.AdjustmentDocument;
import io.edihub.document.AdjustmentJsonReader;
import io.edihub.partner.PartnerDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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
 * The 812 mapping rules, beyond the golden samples in {@code edi-samples/acme/adjustments/}: each credit/debit
 * adjustment is read as partner acme would send it, through the reader and the 997 writer.
 */
class CreditAdjustment812MapperTest {

    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final String BCD = "BCD*20270205*CM-2027-0117*I*42500*C*20270120*INV-2027-000042**20261102*4500012345";
    private static final String N1 = "N1*BY*ACME FEDERAL PROCUREMENT*92*ACME-HQ";
    private static final String CDD_1 = "CDD*04*C**42500***10*EA**CON*42.5";
    private static final String LIN_1 = "LIN*1*BP*ACM-77812*VP*EH-1001";

    @Test
    void aCreditForDamagedAndShortGoodsNamesInvoiceLinesAndAmounts() throws IOException {
        Read r;
        try (InputStream in = Files.newInputStream(Path.of("edi-samples/acme/adjustments/damaged-and-short.812.edi"))) {
            r = new Read(in);
        }

        Adjustment adjustment = r.onlyAdjustment();
        assertThat(adjustment.partnerId()).isEqualTo("acme");
        assertThat(adjustment.adjustmentNumber()).isEqualTo("CM-2027-0117");
        assertThat(adjustment.adjustmentDate()).isEqualTo(LocalDate.of(2027, 2, 5));
        assertThat(adjustment.invoiceNumber()).isEqualTo("INV-2027-000042");
        assertThat(adjustment.invoiceDate()).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(adjustment.poNumber()).isEqualTo("4500012345");
        assertThat(adjustment.credit()).isTrue();
        assertThat(adjustment.amount()).isEqualByComparingTo("661.00");
        assertThat(adjustment.currency()).isEqualTo("USD");
        assertThat(adjustment.reasonText()).isEqualTo("DAMAGED AND SHORT ON RELEASE 4500012345-01");
        // the lines give different reasons: none is the adjustment's
        assertThat(adjustment.reason()).isNull();
        assertThat(adjustment.source()).isEqualTo(new PurchaseOrder.SourceDocument("X12-812", null, null, "000000601",
                "6001", "0001"));
        assertThat(adjustment.lines()).extracting(Adjustment.Line::lineNumber, Adjustment.Line::reason,
                Adjustment.Line::buyerPart, Adjustment.Line::vendorPart, Adjustment.Line::unit)
                .containsExactly(tuple("1", "04", "ACM-77812", "EH-1001", "EA"), tuple("2", "06", "ACM-77813", "EH-2040", "CA"));
        Adjustment.Line first = adjustment.lines().get(0);
        assertThat(first.quantity()).isEqualByComparingTo("10");
        assertThat(first.unitPrice()).isEqualByComparingTo("42.50");
        assertThat(first.amount()).isEqualByComparingTo("425.00");
        assertThat(r.ack()).contains("AK1*CD*6001~", "AK2*812*0001~", "AK5*A~", "AK9*A*1*1*1~");
        assertThat(AcknowledgmentValidation.problems(r.ack())).isEmpty();
    }

    @Test
    void theSameAdjustmentSentAsJsonIsTheSameAdjustment() throws IOException {
        Read r;
        try (InputStream in = Files.newInputStream(Path.of("edi-samples/acme/adjustments/damaged-and-short.812.edi"))) {
            r = new Read(in);
        }
        AdjustmentDocument json = new AdjustmentJsonReader(1 << 20).read("acme", "damaged-and-short.json",
                Files.readAllBytes(Path.of("edi-samples/acme/adjustments/damaged-and-short.json")));

        assertThat(json.adjustments()).singleElement().usingRecursiveComparison().ignoringFields("source")
                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                .isEqualTo(r.onlyAdjustment());
    }

    @Test
    void in005010TheInvoiceMayBeAnIvReferenceAndTheLineAPurchaserOrderLine() throws IOException {
        Read r;
        try (InputStream in = Files.newInputStream(
                Path.of("edi-samples/acme/adjustments/price-error-invoice-reference.812.edi"))) {
            r = new Read(in);
        }

        Adjustment adjustment = r.onlyAdjustment();
        assertThat(adjustment.invoiceNumber()).isEqualTo("INV-2027-000042");
        assertThat(adjustment.poNumber()).isNull();
        assertThat(adjustment.currency()).isNull();
        assertThat(adjustment.amount()).isEqualByComparingTo("150.00");
        assertThat(adjustment.reason()).isEqualTo("01");
        assertThat(adjustment.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineNumber()).isEqualTo("2");
            assertThat(line.buyerPart()).isEqualTo("ACM-77813");
            assertThat(line.vendorPart()).isNull();
            assertThat(line.quantity()).isNull();
            assertThat(line.amount()).isEqualByComparingTo("150.00");
        });
        assertThat(r.ack()).contains("AK1*CD*6002*005010~", "AK5*A~");
        assertThat(AcknowledgmentValidation.problems(r.ack())).isEmpty();
    }

    @Test
    void aDebitAdjustmentIsTakenAsADebit() {
        Read r = read(BCD.replace("*42500*C*", "*42500*D*"), N1, CDD_1.replace("*C*", "*D*"), LIN_1);

        assertThat(r.onlyAdjustment().credit()).isFalse();
        assertThat(r.onlyAdjustment().reason()).isEqualTo("04");
    }

    @Test
    void anAmountOnlyAdjustmentHasNoLines() {
        Read r = read(BCD, N1);

        Adjustment adjustment = r.onlyAdjustment();
        assertThat(adjustment.lines()).isEmpty();
        assertThat(adjustment.reason()).isNull();
        assertThat(adjustment.amount()).isEqualByComparingTo("425.00");
    }

    @Test
    void aSetWithoutBcdIsRefused() {
        Read r = read(N1, CDD_1, LIN_1);

        assertThat(r.rejection()).containsExactly("BCD:1:null:MANDATORY_SEGMENT_MISSING");
        assertThat(r.ack()).contains("AK3*BCD*", "AK5*R*");
    }

    @Test
    void anInvoiceNamedOnlyByItsPurchaseOrderIsRefused() {
        Read r = read("BCD*20270205*CM-1*I*42500*C*****4500012345", N1, CDD_1, LIN_1);

        assertThat(r.rejection()).containsExactly("BCD:2:7:INVOICE_NUMBER_MISSING");
        assertThat(r.transaction().errors().get(0).message()).contains("BCD10 '4500012345'", "BCD13 IV");
        assertThat(r.ack()).contains("AK3*BCD*2**8~", "AK4*7*76*1~", "AK5*R*5~");
    }

    @Test
    void aReferenceOtherThanOurInvoiceNumberIsRefused() {
        Read r = read("BCD*20270205*CM-1*I*42500*C*20270120*******CR*ACME-CLAIM-77", N1, CDD_1, LIN_1);

        assertThat(r.rejection()).containsExactly("BCD:2:13:INVOICE_REFERENCE_NOT_SUPPORTED");
        assertThat(r.ack()).contains("AK4*13*128*7*CR~");
    }

    @Test
    void twoDifferentInvoiceNumbersAreRefused() {
        Read r = read("BCD*20270205*CM-1*I*42500*C*20270120*INV-1******IV*INV-2", N1, CDD_1, LIN_1);

        assertThat(r.rejection()).containsExactly("BCD:2:14:INVOICE_NUMBER_CONFLICT");
    }

    @Test
    void anAdjustmentNamingNeitherInvoiceNorOrderBreaksTheStandardsSyntaxRule() {
        Read r = read("BCD*20270205*CM-1*I*42500*C*20270120", N1, CDD_1, LIN_1);

        assertThat(r.transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(r.ack()).contains("AK3*BCD*2**", "AK5*R*");
    }

    @ParameterizedTest
    @CsvSource({"425.00, INVALID_CHARACTER_DATA", "0, AMOUNT_NOT_POSITIVE", "-42500, AMOUNT_NOT_POSITIVE"})
    void anAmountThatIsNotCentsOrNotPositiveIsRefused(String amount, String code) {
        Read r = read(BCD.replace("*42500*", "*" + amount + "*"), N1);

        assertThat(r.rejection()).containsExactly("BCD:2:4:" + code);
        assertThat(r.ack()).contains("AK3*BCD*2**8~", "AK4*4*610*");
    }

    @Test
    void linesThatDoNotAddUpToTheNetAmountAreRefused() {
        Read r = read(BCD.replace("*42500*", "*50000*"), N1, CDD_1, LIN_1);

        assertThat(r.rejection()).containsExactly("BCD:2:4:AMOUNT_MISMATCH");
        assertThat(r.transaction().errors().get(0).message()).contains("BCD04 asks 500.00", "add up to 425.00");
        assertThat(r.ack()).contains("AK4*4*610*7*50000~");
    }

    @Test
    void aLineWithoutAmountIsNotSummed() {
        Read r = read(BCD.replace("*42500*", "*50000*"), N1, "CDD*04*C*****10*EA**CON*42.5", LIN_1);

        assertThat(r.onlyAdjustment().lines().get(0).amount()).isNull();
    }

    @Test
    void aFlagOtherThanCreditOrDebitIsRefused() {
        Read r = read(BCD.replace("*42500*C*", "*42500*X*"), N1);

        assertThat(r.transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(r.ack()).contains("AK3*BCD*2**8~", "AK4*5*478*7*X~");
    }

    @Test
    void aDebitLineInACreditIsRefused() {
        Read r = read(BCD, N1, CDD_1.replace("*C*", "*D*"), LIN_1);

        assertThat(r.rejection()).containsExactly("CDD:4:2:DIRECTION_MISMATCH");
        assertThat(r.ack()).contains("AK3*CDD*4**8~", "AK4*2*478*7*D~");
    }

    @Test
    void theLineIsLin01ThenAPurchaserOrderLineThenCdd03() {
        assertThat(read(BCD, N1, "CDD*04*C*9*42500***10*EA**CON*42.5", LIN_1).onlyAdjustment().lines())
                .extracting(Adjustment.Line::lineNumber).containsExactly("1");
        assertThat(read(BCD, N1, "CDD*04*C*9*42500***10*EA**CON*42.5", "LIN**PL*3*BP*ACM-77812").onlyAdjustment()
                .lines()).extracting(Adjustment.Line::lineNumber).containsExactly("3");
        assertThat(read(BCD, N1, "CDD*04*C*9*42500***10*EA**CON*42.5").onlyAdjustment().lines())
                .extracting(Adjustment.Line::lineNumber).containsExactly("9");
    }

    @Test
    void aLineNamedNowhereIsRefused() {
        Read r = read(BCD, N1, CDD_1);

        assertThat(r.rejection()).containsExactly("CDD:4:3:LINE_NUMBER_MISSING");
        assertThat(r.ack()).contains("AK3*CDD*4**8~", "AK4*3*350*1~");
    }

    @Test
    void aLineIsAdjustedOnce() {
        Read r = read(BCD.replace("*42500*", "*85000*"), N1, CDD_1, LIN_1, CDD_1, LIN_1);

        assertThat(r.rejection()).containsExactly("CDD:6:3:DUPLICATE_LINE");
    }

    @ParameterizedTest
    @CsvSource({"'CDD*04*C**42500***-10*EA**CON*42.5', 7, QUANTITY_NEGATIVE",
        "'CDD*04*C**42500***10*EA**CON*-42.5', 11, UNIT_PRICE_NEGATIVE",
        "'CDD*04*C**-42500', 4, AMOUNT_NEGATIVE",
        "'CDD*04*C**0***0*EA**CON*42.5', 7, NOTHING_ADJUSTED"})
    void aLineNeverGoesNegativeAndAlwaysAdjustsSomething(String cdd, int element, String code) {
        Read r = read(BCD, N1, cdd, LIN_1);

        assertThat(r.rejection()).contains("CDD:4:" + element + ":" + code);
    }

    @Test
    void theStandardsSyntaxRulesOfCddApply() {
        // R0407: an amount or a quantity
        assertThat(read(BCD, N1, "CDD*04*C", LIN_1).transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
        // C0711: a quantity names its unit price; P0708: and its unit
        assertThat(read(BCD, N1, "CDD*04*C**42500***10*EA", LIN_1).transaction().status())
                .isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(read(BCD, N1, "CDD*04*C**42500***10***CON*42.5", LIN_1).transaction().status())
                .isEqualTo(TransactionResult.Status.REJECTED);
    }

    @Test
    void theNameLoopIsMandatory() {
        Read r = read(BCD, CDD_1, LIN_1);

        assertThat(r.transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(r.ack()).contains("AK3*N1*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "07", "15"})
    void anOriginalOrTheSameAdjustmentAgainIsTaken(String purpose) {
        assertThat(read(BCD + "*" + purpose, N1).onlyAdjustment().adjustmentNumber()).isEqualTo("CM-2027-0117");
    }

    @ParameterizedTest
    @CsvSource({"05, replace", "06, confirmation"})
    void anAdjustmentThatReplacesOrConfirmsAnotherIsRefused(String purpose, String name) {
        Read r = read(BCD + "*" + purpose, N1);

        assertThat(r.rejection()).containsExactly("BCD:2:11:PURPOSE_NOT_SUPPORTED");
        assertThat(r.transaction().errors().get(0).message()).contains("BCD11 '" + purpose + "' (" + name + ")");
    }

    @Test
    void notesOfTheHeadingAreTheReasonInWords() {
        Read r = read(BCD, "N9*L1**FIRST PART", "N9*VR*V-0042", "N9*L1**SECOND PART", N1);

        assertThat(r.onlyAdjustment().reasonText()).isEqualTo("FIRST PART SECOND PART");
    }

    @Test
    void an812OutsideACdGroupIsRefused() {
        Read r = readSet("GS*RC", "812", BCD, N1);

        assertThat(r.rejection()).containsExactly("ST:1:1:WRONG_FUNCTIONAL_GROUP");
        assertThat(r.transaction().errors().get(0).message()).contains("812", "CD group");
        assertThat(r.ack()).contains("AK1*RC*9001~", "AK2*812*0001~", "AK5*R*1~");
    }

    @Test
    void listenerHearsTheAdjustmentsThenTheSetEnd() {
        Read r = read(BCD, N1, CDD_1, LIN_1);

        assertThat(r.events).containsExactly("adjustments 0001 (1)", "transaction 0001 order=null");
    }

    @Test
    void aListenerCanRefuseTheAdjustment() {
        X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                GoldenSampleTest.CLOCK);
        IntakeContext context = new IntakeContext(PARTNERS.byId("acme"), PARTNERS, US, IntakeContext.DuplicateCheck.inMemory());
        String x12 = interchange("GS*CD", "812", BCD, N1, CDD_1, LIN_1);
        X12Translator.Translation t = translator.translate("test.edi", new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)),
                context, ControlNumbers.inMemory(), new X12Translator.Listener() {
                    @Override
                    public void adjustments(InterchangeResult i, GroupResult g, TransactionResult tx, List<Adjustment> read) {
                        tx.refuseAsNotSupported("ADJUSTMENTS_NOT_TAKEN", "credit adjustments are not taken here");
                    }
                });

        assertThat(t.acknowledgments().get(0).text()).contains("AK2*812*0001~", "AK5*R*1~", "AK9*R*1*1*0~");
        assertThat(t.result().describeErrors()).anySatisfy(line -> assertThat(line)
                .contains("credit adjustments are not taken here [ADJUSTMENTS_NOT_TAKEN]"));
    }

    @Test
    void translateShowsTheAdjustmentOfAn812() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TranslateCommand.run(new String[] {"edi-samples/acme/adjustments/damaged-and-short.812.edi"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));

        assertThat(status).isZero();
        JsonNode set = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8))
                .get("interchanges").get(0).get("groups").get(0).get("transactions").get(0);
        assertThat(set.get("type").asText()).isEqualTo("812");
        assertThat(set.has("order")).isFalse();
        assertThat(set.get("adjustments").get(0).get("invoiceNumber").asText()).isEqualTo("INV-2027-000042");
    }

    @Test
    void identificationsAreLongerFrom005010() {
        String reference = "R".repeat(40);
        String bcd = "BCD*20270205*CM-1*I*42500*C*20270120*******IV*" + reference;

        assertThat(read(bcd, N1).transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
        Read r = new Read(new ByteArrayInputStream(interchange("GS*CD", "812", bcd, N1).replace("*00401*", "*00501*")
                .replace("*U*00501*", "*^*00501*").replace("*X*004010~", "*X*005010~").getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.onlyAdjustment().invoiceNumber()).isEqualTo(reference);
    }

    // ---------------------------------------------------------------------------------------------

    private static Read read(String... segments) {
        return readSet("GS*CD", "812", segments);
    }

    private static Read readSet(String gs, String type, String... segments) {
        return new Read(new ByteArrayInputStream(interchange(gs, type, segments).getBytes(StandardCharsets.US_ASCII)));
    }

    static String interchange(String gs, String type, String... segments) {
        return ReceivingAdvice861MapperTest.interchange(gs, type, segments);
    }

    /** One file read through the translator, as acme's channel, with what the listener heard. */
    private static final class Read {

        final List<List<Adjustment>> adjustments = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final X12Translator.Translation translation;

        Read(InputStream in) {
            X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                    GoldenSampleTest.CLOCK);
            IntakeContext context = new IntakeContext(PARTNERS.byId("acme"), PARTNERS, US,
                    IntakeContext.DuplicateCheck.inMemory());
            translation = translator.translate("test.edi", in, context, ControlNumbers.inMemory(), new X12Translator.Listener() {
                @Override
                public void adjustments(InterchangeResult i, GroupResult g, TransactionResult t, List<Adjustment> read) {
                    adjustments.add(read);
                    events.add("adjustments " + t.controlNumber() + " (" + read.size() + ")");
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

        Adjustment onlyAdjustment() {
            assertThat(transaction().errors()).as("errors").isEmpty();
            assertThat(adjustments).hasSize(1);
            assertThat(adjustments.get(0)).hasSize(1);
            assertThat(translation.adjustments(transaction())).isEqualTo(adjustments.get(0));
            return adjustments.get(0).get(0);
        }

        /** The set's errors as segment:position:element:code, the set being rejected. */
        List<String> rejection() {
            assertThat(transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
            assertThat(adjustments).allSatisfy(a -> assertThat(a).isEmpty());
            return transaction().errors().stream().map(e -> e.segment() + ":" + e.position() + ":" + e.element() + ":"
                    + e.code()).toList();
        }

        String ack() {
            return translation.acknowledgments().get(0).text();
        }
    }
}
