package io.edihub.x12;

import static io.edihub.x12.AcknowledgmentValidation.problems;
import static io.edihub.x12.AcknowledgmentValidation.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.canonical.Adjustment;
import io.edihub.canonical.ClaimSamples;
import io.edihub.canonical.CreditNote;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 812 credit memo writer: credit notes written and read back by StAEDI with envelope validation and our 812
 * schema, and by the hub's own 812 reader, which must find the adjustment the credit note is; one golden file
 * ({@code -Dedihub.golden.update=true} rewrites it; review the diff).
 */
class CreditNote812WriterTest {

    private static final Path GOLDEN = Path.of("edi-samples/acme/claims/credit-note.812.x12");
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final PartnerProfile ACME = PARTNERS.byId("acme").orElseThrow();
    private static final ZonedDateTime NOW = ZonedDateTime.of(2027, 2, 15, 10, 30, 0, 0, ZoneOffset.UTC);

    private final CreditNote812Writer writer = new CreditNote812Writer(US);

    @Test
    void theCreditForDamagedAndShortGoodsMatchesItsGoldenFile() throws IOException {
        String x12 = write(ClaimSamples.creditNote());
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, x12);
        }
        assertThat(problems(x12)).isEmpty();
        assertThat(x12).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void envelopeIsFromUsToThePartnerInACdGroup() {
        String x12 = write(ClaimSamples.creditNote());

        assertThat(segments(x12, "GS")).containsExactly("GS*CD*EDIHUB*ACMEFED*20270215*1030*1*X*004010");
        assertThat(segments(x12, "ST")).containsExactly("ST*812*0001");
        // ST BCD CUR N9 N9 N9 N1 N1, 2 x (CDD LIN), SE
        assertThat(segments(x12, "SE")).containsExactly("SE*13*0001");
    }

    @Test
    void bcdIsACreditOfTheTotalOnTheInvoiceInBcd07AndTheOrderInBcd10() {
        String x12 = write(ClaimSamples.creditNote());

        // BCD01 date, 02 number, 03 E advice with detail, 04 cents, 05 C credit, 06 / 07 invoice, 09 / 10 order, 11 00
        assertThat(segments(x12, "BCD")).containsExactly(
                "BCD*20270215*CN-2027-000007*E*66100*C*20270120*INV-2027-000042**20261102*4500012345*00");
        assertThat(segments(x12, "CUR")).containsExactly("CUR*SE*USD");
        assertThat(segments(x12, "N9")).containsExactly("N9*CR*CM-2027-0117",
                "N9*L1**DAMAGED AND SHORT ON RELEASE 4500012345-01,", "N9*L1**CREDITED AT THE INVOICE PRICE");
        assertThat(segments(x12, "N1")).containsExactly("N1*BY*ACME Federal Procurement", "N1*SU**92*V-0042-EDIHUB");
    }

    @Test
    void everyLineIsACddLoopAtTheInvoicePriceWithItsLin() {
        String x12 = write(ClaimSamples.creditNote());

        assertThat(segments(x12, "CDD")).containsExactly("CDD*04*C**42500***10*EA**INV*42.5",
                "CDD*04*C**23600***2*CA**INV*118");
        assertThat(segments(x12, "LIN")).containsExactly("LIN*1*BP*ACM-77812*VP*EH-1001", "LIN*2*BP*ACM-77813*VP*EH-2040");
    }

    @Test
    void theHubReadsItsOwnCreditMemoBackAsTheAdjustmentItIs() {
        CreditNote note = ClaimSamples.creditNote();
        Adjustment adjustment = readBack(write(note));

        assertThat(adjustment.adjustmentNumber()).isEqualTo(note.creditNoteNumber());
        assertThat(adjustment.invoiceNumber()).isEqualTo(note.invoiceNumber());
        assertThat(adjustment.invoiceDate()).isEqualTo(note.invoiceDate());
        assertThat(adjustment.poNumber()).isEqualTo(note.poNumber());
        assertThat(adjustment.credit()).isTrue();
        assertThat(adjustment.amount()).isEqualByComparingTo(note.total());
        assertThat(adjustment.currency()).isEqualTo("USD");
        assertThat(adjustment.reason()).isEqualTo("04");
        assertThat(adjustment.reasonText()).isEqualTo(note.reasonText());
        for (int i = 0; i < note.lines().size(); i++) {
            CreditNote.Line credited = note.lines().get(i);
            Adjustment.Line read = adjustment.lines().get(i);
            assertThat(read.lineNumber()).isEqualTo(credited.lineNumber());
            assertThat(read.buyerPart()).isEqualTo(credited.buyerPart());
            assertThat(read.vendorPart()).isEqualTo(credited.vendorPart());
            assertThat(read.quantity()).isEqualByComparingTo(credited.quantity());
            assertThat(read.unit()).isEqualTo(credited.unit());
            assertThat(read.unitPrice()).isEqualByComparingTo(credited.unitPrice());
            assertThat(read.amount()).isEqualByComparingTo(credited.amount());
        }
    }

    @Test
    void anAmountOnlyCreditHasNoQuantityAndALineWithoutPartsNamesItsOrderLine() {
        CreditNote note = ClaimSamples.creditNote(List.of(new CreditNote.Line("3", null, null, null, null, null, null,
                new BigDecimal("150.00"))), new BigDecimal("150.00"));
        String x12 = write(note);

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "CDD")).containsExactly("CDD*04*C**15000");
        assertThat(segments(x12, "LIN")).containsExactly("LIN*3*PL*3");
        assertThat(readBack(x12).lines().get(0).lineNumber()).isEqualTo("3");
    }

    @Test
    void aCreditWithoutReasonIsForGoodsNotAccepted() {
        CreditNote plain = new CreditNote("CN-1", "acme", "INV-1", null, null, null, null, null, null, null, null, null,
                ClaimSamples.SETTLED, null, null, ClaimSamples.creditNote().lines(), new BigDecimal("661.00"));
        String x12 = write(plain);

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "BCD")).containsExactly("BCD*20270215*CN-1*E*66100*C**INV-1****00");
        assertThat(segments(x12, "CDD")).allSatisfy(cdd -> assertThat(cdd).startsWith("CDD*25*C*"));
        assertThat(segments(x12, "CUR")).isEmpty();
        assertThat(segments(x12, "N9")).isEmpty();
        assertThat(segments(x12, "N1")).containsExactly("N1*BY*ACME Federal Procurement");
    }

    @Test
    void totalsThatAreNotTheSumOfTheLinesOrNotPositiveAreRefused() {
        assertThatThrownBy(() -> write(ClaimSamples.creditNote(ClaimSamples.creditNote().lines(), new BigDecimal("660.00"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totals 660.00")
                .hasMessageContaining("add up to 661.00");
        assertThatThrownBy(() -> write(ClaimSamples.creditNote(List.of(), BigDecimal.ZERO)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no positive total");
        assertThatThrownBy(() -> write(ClaimSamples.creditNote(List.of(new CreditNote.Line("1", null, null, null, null,
                null, null, new BigDecimal("-1"))), BigDecimal.ONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1 credits no positive amount");
    }

    @Test
    void aQuantityWithoutItsPriceBreaksTheStandardsSyntaxRule() {
        CreditNote note = ClaimSamples.creditNote(List.of(new CreditNote.Line("1", "ACM-77812", null, null, BigDecimal.TEN,
                "EA", null, new BigDecimal("425.00"))), new BigDecimal("425.00"));

        assertThatThrownBy(() -> write(note)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid 812").hasMessageContaining("CDD11");
    }

    @Test
    void version005010IsWrittenWhenAskedFor() {
        String x12 = writer.write(ClaimSamples.creditNote(), ACME, ControlNumbers.inMemory(), NOW, "005010");

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "GS").get(0)).endsWith("*X*005010");
        assertThat(readBack(x12).amount()).isEqualByComparingTo("661.00");
    }

    @Test
    void theValidationReallyChecksThe812Schema() {
        String x12 = write(ClaimSamples.creditNote());

        assertThat(problems(x12.replace("*66100*C*", "*66100*X*"))).isNotEmpty();
        assertThat(problems(x12.replace("*66100*", "*661.00*"))).isNotEmpty();
        assertThat(problems(x12.replace("N1*BY*ACME Federal Procurement~\n", "").replace("N1*SU**92*V-0042-EDIHUB~\n", "")
                .replace("SE*13*", "SE*11*"))).isNotEmpty();
    }

    private String write(CreditNote note) {
        return writer.write(note, ACME, ControlNumbers.inMemory(), NOW);
    }

    /** Our 812 read by our own reader, as the translate command would read it (the sender is us, not a partner). */
    private static Adjustment readBack(String x12) {
        List<Adjustment> read = new ArrayList<>();
        IntakeContext context = new IntakeContext(Optional.empty(), PARTNERS, US, IntakeContext.DuplicateCheck.NEVER);
        FileResult result = new InterchangeReader().read("credit.x12", new ByteArrayInputStream(
                x12.getBytes(StandardCharsets.US_ASCII)), context, new InterchangeListener() {
                    @Override
                    public void adjustments(InterchangeResult i, GroupResult g, TransactionResult t, List<Adjustment> a) {
                        read.addAll(a);
                    }
                });
        assertThat(result.describeErrors()).isEmpty();
        assertThat(read).hasSize(1);
        return read.get(0);
    }
}
