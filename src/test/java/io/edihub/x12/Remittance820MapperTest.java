package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Remittance;
import io.edihub.cli.TranslateCommand;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 820 mapping rules, beyond the golden samples in {@code edi-samples/acme/remittances/}: each remittance is read
 * as partner acme would send it, through the reader and the 997 writer.
 */
class Remittance820MapperTest {

    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final String BPR = "BPR*C*1000.5*C*ACH************20270305";
    private static final String TRN = "TRN*1*PAY-1";
    private static final String ENT = "ENT*1";
    private static final String RMR_1 = "RMR*IV*INV-1**600";
    private static final String RMR_2 = "RMR*IV*INV-2**400.5*410.5";

    @Test
    void anAchPaymentOfTwoInvoicesNamesWhatWasPaidDiscountedAndDeducted() throws IOException {
        Read r;
        try (InputStream in = Files.newInputStream(Path.of("edi-samples/acme/remittances/ach-two-invoices.820.edi"))) {
            r = new Read(in);
        }

        Remittance remittance = r.onlyRemittance();
        assertThat(remittance.partnerId()).isEqualTo("acme");
        assertThat(remittance.traceNumber()).isEqualTo("PAY-2027-000311");
        assertThat(remittance.total()).isEqualByComparingTo("2343.75");
        assertThat(remittance.currency()).isEqualTo("USD");
        assertThat(remittance.method()).isEqualTo("ACH");
        assertThat(remittance.paymentDate()).isEqualTo(LocalDate.of(2027, 3, 5));
        assertThat(remittance.source()).isEqualTo(new PurchaseOrder.SourceDocument("X12-820", null, null, "000000701",
                "7001", "0001"));
        assertThat(remittance.lines()).extracting(Remittance.Line::invoiceNumber).containsExactly("INV-2027-000042",
                "INV-2027-000043");
        Remittance.Line first = remittance.lines().get(0);
        assertThat(first.paid()).isEqualByComparingTo("1593.75");
        assertThat(first.invoiceAmount()).isEqualByComparingTo("1650");
        assertThat(first.discount()).isEqualByComparingTo("16.50");
        assertThat(first.adjustments()).extracting(a -> a.amount().toPlainString(), Remittance.LineAdjustment::reasonCode,
                Remittance.LineAdjustment::text)
                .containsExactly(tuple("-39.75", "04", "TWO CARTONS DAMAGED ON RELEASE 4500012345-01"));
        assertThat(remittance.lines().get(1).adjustments()).isEmpty();
        assertThat(r.ack()).contains("AK1*RA*7001~", "AK2*820*0001~", "AK5*A~", "AK9*A*1*1*1~");
        assertThat(AcknowledgmentValidation.problems(r.ack())).isEmpty();
    }

    @Test
    void a005010CheckRemittanceIsRead() throws IOException {
        Read r;
        try (InputStream in = Files.newInputStream(Path.of("edi-samples/acme/remittances/check-remittance-only.820.edi"))) {
            r = new Read(in);
        }

        Remittance remittance = r.onlyRemittance();
        assertThat(remittance.method()).isEqualTo("CHK");
        assertThat(remittance.currency()).isNull();
        assertThat(remittance.total()).isEqualByComparingTo("980.50");
        assertThat(r.ack()).contains("AK1*RA*7002*005010~", "AK5*A~");
    }

    @Test
    void amountsAreDecimalNumbersNotCents() {
        Remittance remittance = read(BPR, TRN, ENT, RMR_1, RMR_2).onlyRemittance();

        assertThat(remittance.total()).isEqualByComparingTo("1000.50");
        assertThat(remittance.lines()).extracting(l -> l.paid().toPlainString()).containsExactly("600", "400.5");
        assertThat(remittance.lines().get(1).invoiceAmount()).isEqualByComparingTo("410.50");
    }

    @Test
    void anAmountIsInCentsAtMost() {
        Read r = read(BPR, TRN, ENT, RMR_1, "RMR*IV*INV-2**400.500*410.505");

        assertThat(r.rejection()).containsExactly("RMR:6:5:AMOUNT_TOO_PRECISE");
        assertThat(r.ack()).contains("AK4*5*782*6*410.505~");
    }

    @Test
    void aMissingTraceNumberIsReportedAfterTheHeadingNotes() {
        Read r = read(BPR, "NTE**PAYMENT FOR MARCH", ENT, RMR_1, RMR_2);

        assertThat(r.rejection()).containsExactly("TRN:4:null:TRACE_NUMBER_MISSING");
    }

    @Test
    void listenerHearsTheRemittanceThenTheSetEnd() {
        Read r = read(BPR, TRN, ENT, RMR_1, RMR_2);

        assertThat(r.events).containsExactly("remittances 0001 (1)", "transaction 0001 order=null");
    }

    @Test
    void paidAmountsMustAddUpToThePayment() {
        Read r = read("BPR*C*1000*C*ACH", TRN, ENT, RMR_1, RMR_2);

        assertThat(r.rejection()).containsExactly("BPR:2:2:AMOUNT_MISMATCH");
        assertThat(r.transaction().errors().get(0).message()).contains("1000", "1000.5");
        assertThat(r.ack()).contains("AK3*BPR*2**8~", "AK4*2*782*7*1000~", "AK5*R*5~");
    }

    @Test
    void aPaymentWithoutTraceNumberIsRefused() {
        Read r = read(BPR, ENT, RMR_1, RMR_2);

        assertThat(r.rejection()).containsExactly("TRN:3:null:TRACE_NUMBER_MISSING");
        assertThat(r.ack()).contains("AK3*TRN*3**3~", "AK5*R*5~");
    }

    @Test
    void aDebitIsRefused() {
        Read r = read("BPR*C*1000.5*D*ACH", TRN, ENT, RMR_1, RMR_2);

        assertThat(r.rejection()).containsExactly("BPR:2:3:DEBIT_NOT_TAKEN");
        assertThat(r.ack()).contains("AK4*3*478*7*D~");
    }

    @ParameterizedTest
    @ValueSource(strings = {"D", "P"})
    void aPaymentWithoutRemittanceDetailIsRefused(String handling) {
        Read r = read("BPR*" + handling + "*1000.5*C*ACH", TRN, ENT, RMR_1, RMR_2);

        assertThat(r.rejection()).containsExactly("BPR:2:1:HANDLING_NOT_SUPPORTED");
    }

    @Test
    void anInvoiceIsNamedByRmr01Iv() {
        Read r = read(BPR, TRN, ENT, "RMR*PO*4500012345**600", RMR_2);

        assertThat(r.rejection()).containsExactly("RMR:5:1:INVOICE_REFERENCE_NOT_SUPPORTED");
        assertThat(r.ack()).contains("AK3*RMR*5**8~", "AK4*1*128*7*PO~");
    }

    @Test
    void everyInvoiceStatesWhatWasPaidOnIt() {
        Read r = read(BPR, TRN, ENT, RMR_1, "RMR*IV*INV-2");

        assertThat(r.rejection()).containsExactly("RMR:6:4:PAID_AMOUNT_MISSING");
    }

    @Test
    void aNegativePaidAmountIsRefused() {
        Read r = read("BPR*C*200*C*ACH", TRN, ENT, RMR_1, "RMR*IV*INV-2**-400");

        assertThat(r.rejection()).containsExactly("RMR:6:4:PAID_AMOUNT_NEGATIVE");
    }

    @Test
    void anInvoicePaidTwiceIsRefused() {
        Read r = read("BPR*C*1200*C*ACH", TRN, ENT, RMR_1, RMR_1);

        assertThat(r.rejection()).containsExactly("RMR:6:2:DUPLICATE_INVOICE");
    }

    @Test
    void anAdjustmentNotOnAnInvoiceIsRefused() {
        Read r = read(BPR, TRN, ENT, "ADX*-10*01", RMR_1, RMR_2);

        assertThat(r.rejection()).containsExactly("ADX:5:1:ADJUSTMENT_NOT_ON_INVOICE");
    }

    @Test
    void aPaymentNamingNoInvoiceIsRefused() {
        Read r = read(BPR, TRN);

        assertThat(r.rejection()).containsExactly("RMR:4:null:NO_INVOICES");
    }

    @Test
    void anAmountThatIsNoNumberIsRefusedByStaedi() {
        Read r = read(BPR, TRN, ENT, RMR_1, "RMR*IV*INV-2**400,50");

        assertThat(r.transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(r.ack()).contains("AK3*RMR*6**8~", "AK4*4*782*6*400,50~");
    }

    @Test
    void an820OutsideAnRaGroupIsRefused() {
        Read r = readSet("GS*CD", "820", BPR, TRN, ENT, RMR_1, RMR_2);

        assertThat(r.transaction().errors().get(0).message()).contains("820", "RA group");
        assertThat(r.ack()).contains("AK1*CD*9001~", "AK2*820*0001~", "AK5*R*1~");
    }

    @Test
    void aListenerCanRefuseTheRemittance() {
        X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                GoldenSampleTest.CLOCK);
        IntakeContext context = new IntakeContext(PARTNERS.byId("acme"), PARTNERS, US, IntakeContext.DuplicateCheck.inMemory());
        String x12 = interchange("GS*RA", "820", BPR, TRN, ENT, RMR_1, RMR_2);
        X12Translator.Translation t = translator.translate("test.edi", new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)),
                context, ControlNumbers.inMemory(), new X12Translator.Listener() {
                    @Override
                    public void remittances(InterchangeResult i, GroupResult g, TransactionResult tx, List<Remittance> read) {
                        tx.refuseAsNotSupported("REMITTANCES_NOT_TAKEN", "remittances are not taken here");
                    }
                });

        assertThat(t.acknowledgments().get(0).text()).contains("AK1*RA*9001~", "AK2*820*0001~", "AK5*R*1~",
                "AK9*R*1*1*0~");
        assertThat(t.result().describeErrors()).anySatisfy(line -> assertThat(line)
                .contains("remittances are not taken here [REMITTANCES_NOT_TAKEN]"));
    }

    @Test
    void translateShowsTheRemittanceOfAn820() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TranslateCommand.run(new String[] {"edi-samples/acme/remittances/ach-two-invoices.820.edi"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));

        assertThat(status).isZero();
        JsonNode set = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8))
                .get("interchanges").get(0).get("groups").get(0).get("transactions").get(0);
        assertThat(set.get("type").asText()).isEqualTo("820");
        assertThat(set.has("order")).isFalse();
        assertThat(set.get("remittances").get(0).get("traceNumber").asText()).isEqualTo("PAY-2027-000311");
        assertThat(set.get("remittances").get(0).get("lines").get(0).get("invoiceNumber").asText())
                .isEqualTo("INV-2027-000042");
    }

    // ---------------------------------------------------------------------------------------------

    private static Read read(String... segments) {
        return readSet("GS*RA", "820", segments);
    }

    private static Read readSet(String gs, String type, String... segments) {
        return new Read(new ByteArrayInputStream(interchange(gs, type, segments).getBytes(StandardCharsets.US_ASCII)));
    }

    static String interchange(String gs, String type, String... segments) {
        return ReceivingAdvice861MapperTest.interchange(gs, type, segments);
    }

    /** One file read through the translator, as acme's channel, with what the listener heard. */
    private static final class Read {

        final List<List<Remittance>> remittances = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final X12Translator.Translation translation;

        Read(InputStream in) {
            X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                    GoldenSampleTest.CLOCK);
            IntakeContext context = new IntakeContext(PARTNERS.byId("acme"), PARTNERS, US,
                    IntakeContext.DuplicateCheck.inMemory());
            translation = translator.translate("test.edi", in, context, ControlNumbers.inMemory(), new X12Translator.Listener() {
                @Override
                public void remittances(InterchangeResult i, GroupResult g, TransactionResult t, List<Remittance> read) {
                    remittances.add(read);
                    events.add("remittances " + t.controlNumber() + " (" + read.size() + ")");
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

        Remittance onlyRemittance() {
            assertThat(transaction().errors()).as("errors").isEmpty();
            assertThat(remittances).hasSize(1);
            assertThat(remittances.get(0)).hasSize(1);
            assertThat(translation.remittances(transaction())).isEqualTo(remittances.get(0));
            return remittances.get(0).get(0);
        }

        /** The set's errors as segment:position:element:code, the set being rejected. */
        List<String> rejection() {
            assertThat(transaction().status()).isEqualTo(TransactionResult.Status.REJECTED);
            assertThat(remittances).allSatisfy(a -> assertThat(a).isEmpty());
            return transaction().errors().stream().map(e -> e.segment() + ":" + e.position() + ":" + e.element() + ":"
                    + e.code()).toList();
        }

        String ack() {
            return translation.acknowledgments().get(0).text();
        }
    }
}
