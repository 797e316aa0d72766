package io.edihub.x12;

import static io.edihub.x12.AcknowledgmentValidation.problems;
import static io.edihub.x12.AcknowledgmentValidation.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.canonical.ClaimSamples;
import io.edihub.canonical.CreditNote;
import io.edihub.canonical.Invoice;
import io.edihub.partner.Contract;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 810 writer: invoices and credit memos written and read back by StAEDI with envelope validation and our
 * 810 schema, amounts checked to the cent, and a golden file of each ({@code -Dedihub.golden.update=true}
 * rewrites them; review the diff).
 */
class Invoice810WriterTest {

    private static final Path GOLDEN = Path.of("edi-samples/acme/billing/invoice.810.x12");
    private static final Path CREDIT_MEMO_GOLDEN = Path.of("edi-samples/acme/claims/credit-memo.810.x12");
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final PartnerProfile ACME = PartnerDirectory.load(Path.of("config/partners")).byId("acme").orElseThrow();
    private static final Contract CONTRACT = ACME.contract();
    private static final ZonedDateTime NOW = ZonedDateTime.of(2027, 1, 20, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final LocalDate ORDERED = LocalDate.of(2026, 11, 2);
    private static final LocalDate SHIPPED = LocalDate.of(2027, 1, 8);
    private static final LocalDate INVOICED = LocalDate.of(2027, 1, 20);
    /** acme accepted the goods two days before the invoice: its terms run from the invoice date */
    private static final LocalDate ACCEPTED = LocalDate.of(2027, 1, 18);

    private final Invoice810Writer writer = new Invoice810Writer(US);

    @Test
    void firstReleaseInvoiceMatchesItsGoldenFile() throws IOException {
        String x12 = writer.write(firstRelease(), ACME, ControlNumbers.inMemory(), NOW);
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, x12);
        }
        assertThat(problems(x12)).isEmpty();
        assertThat(x12).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void envelopeIsFromUsToThePartnerInAnInGroup() {
        String x12 = write(firstRelease());

        assertThat(segments(x12, "GS")).containsExactly("GS*IN*EDIHUB*ACMEFED*20270120*0900*1*X*004010");
        assertThat(segments(x12, "ST")).containsExactly("ST*810*0001");
        // ST BIG CUR REF REF ITD DTM, 2 x (IT1 PID), TDS CTT SE
        assertThat(segments(x12, "SE")).containsExactly("SE*14*0001");
        assertThat(segments(x12, "IEA")).containsExactly("IEA*1*000000001");
    }

    @Test
    void headingNamesInvoiceOrderReleaseContractAndSupplier() {
        String x12 = write(firstRelease());

        assertThat(problems(x12)).isEmpty();
        // BIG01 invoice date, BIG02 invoice number, BIG03 order date, BIG04 order, BIG05 release
        assertThat(segments(x12, "BIG")).containsExactly("BIG*20270120*INV-2027-000042*20261102*4500012345*4500012345-01");
        assertThat(segments(x12, "CUR")).containsExactly("CUR*SE*USD");
        assertThat(segments(x12, "REF")).containsExactly("REF*CT*GSA-47QSWA-2026", "REF*VR*V-0042-EDIHUB");
        assertThat(segments(x12, "DTM")).containsExactly("DTM*011*20270108");
    }

    @Test
    void termsAreTheContractsNet30With2PercentIn10Days() {
        String x12 = write(firstRelease());

        // ITD01 basic, ITD02 from the invoice date, ITD03 discount %, ITD04 the discount's last day, ITD05 discount
        // days, ITD06 net due date, ITD07 net days, ITD08 the discount on 9914.00 in cents, ITD12 the terms in words
        assertThat(segments(x12, "ITD")).containsExactly("ITD*01*3*2*20270130*10*20270219*30*19828****NET 30 2% 10");
    }

    @Test
    void goodsAcceptedAfterTheInvoiceStartAcmesClockAtTheAcceptance() {
        // acme pays 30 days after the later of invoice and acceptance (FAR 32.904)
        assertThat(CONTRACT.paymentTerms().dueFrom()).isEqualTo(Contract.DueFrom.LATER_OF_INVOICE_AND_ACCEPTANCE);
        String x12 = write(invoice("INV-1", CONTRACT.paymentTerms(), firstRelease().lines(), firstRelease().total(),
                LocalDate.of(2027, 1, 25)));

        assertThat(problems(x12)).isEmpty();
        // ITD02 11: completion and acceptance date; the dates count from 2027-01-25
        assertThat(segments(x12, "ITD")).containsExactly("ITD*01*11*2*20270204*10*20270224*30*19828****NET 30 2% 10");
    }

    @Test
    void termsDueFromTheInvoiceIgnoreALaterAcceptance() {
        Contract.PaymentTerms fromInvoice = new Contract.PaymentTerms(30, new BigDecimal("2"), 10, "NET 30 2% 10",
                Contract.DueFrom.INVOICE);
        String x12 = write(invoice("INV-1", fromInvoice, firstRelease().lines(), firstRelease().total(),
                LocalDate.of(2027, 1, 25)));

        assertThat(segments(x12, "ITD")).containsExactly("ITD*01*3*2*20270130*10*20270219*30*19828****NET 30 2% 10");
    }

    @Test
    void termsWithoutDiscountHaveNetDaysOnly() {
        String x12 = write(invoice("INV-1", new Contract.PaymentTerms(90, null, null, "NET 90", null),
                firstRelease().lines(), firstRelease().total()));

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "ITD")).containsExactly("ITD*01*3****20270420*90*****NET 90");
    }

    @Test
    void aDiscountWithoutItsDaysIsRefused() {
        // ITD03 needs ITD04, ITD05 or ITD13 (L03040513)
        Contract.PaymentTerms halfTerms = new Contract.PaymentTerms(30, new BigDecimal("2"), null, null, null);
        assertThatThrownBy(() -> write(invoice("INV-1", halfTerms, firstRelease().lines(), firstRelease().total())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid 810")
                .hasMessageContaining("ITD");
    }

    @Test
    void linesAreQuantityTimesContractPrice() {
        Invoice invoice = firstRelease();
        String x12 = write(invoice);

        assertThat(segments(x12, "IT1")).containsExactly("IT1*1*100*EA*42.5*CT*BP*ACM-77812*VP*EH-1001",
                "IT1*2*48*CA*118*CT*BP*ACM-77813*VP*EH-2040");
        assertThat(segments(x12, "PID")).containsExactly("PID*F****RUGGED TABLET 10 INCH",
                "PID*F****PROTECTIVE CASE PACK OF 12");
        List<String> it1 = segments(x12, "IT1");
        for (int i = 0; i < it1.size(); i++) {
            String[] e = it1.get(i).split("\\*");
            assertThat(new BigDecimal(e[2]).multiply(new BigDecimal(e[4])))
                    .as("IT102 x IT104 of %s", it1.get(i)).isEqualByComparingTo(invoice.lines().get(i).amount());
        }
        assertThat(segments(x12, "CTT")).containsExactly("CTT*2");
    }

    @Test
    void totalIsInCentsWithoutADecimalPoint() {
        String x12 = write(firstRelease());

        // 100 x 42.50 + 48 x 118.00 = 9914.00
        assertThat(segments(x12, "TDS")).containsExactly("TDS*991400");
    }

    @ParameterizedTest
    @CsvSource({"1234.50, 123450", "1234.5, 123450", "0.1, 10", "0, 0", "1234.505, 123451", "1234.504, 123450",
            "1000000, 100000000"})
    void tds01RoundsHalfUpToTheCentOnly(String total, String tds01) {
        String x12 = write(invoice("INV-1", CONTRACT.paymentTerms(), firstRelease().lines(), new BigDecimal(total)));

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "TDS")).containsExactly("TDS*" + tds01);
    }

    @Test
    void quantitiesAndPricesAreWrittenExactly() {
        Invoice.Line line = new Invoice.Line("1", "ACM-77812", null, null, new BigDecimal("2.50"), "EA",
                new BigDecimal("0.12345"), new BigDecimal("0.31"));
        String x12 = write(invoice("INV-1", null, List.of(line), new BigDecimal("0.31")));

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "IT1")).containsExactly("IT1*1*2.5*EA*0.12345*CT*BP*ACM-77812");
        assertThat(segments(x12, "PID")).isEmpty();
        assertThat(segments(x12, "ITD")).isEmpty();
    }

    @Test
    void whatIsNotKnownIsLeftOut() {
        Invoice plain = new Invoice("INV-1", "acme", "ACC-1", "4500012345", null, null, null, null, null, INVOICED, null,
                null, null, null, null, null, null, firstRelease().lines(), firstRelease().total());
        String x12 = write(plain);

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "BIG")).containsExactly("BIG*20270120*INV-1**4500012345");
        assertThat(segments(x12, "CUR")).isEmpty();
        assertThat(segments(x12, "REF")).isEmpty();
        assertThat(segments(x12, "ITD")).isEmpty();
        assertThat(segments(x12, "DTM")).isEmpty();
    }

    @Test
    void valuesWithADelimiterAreRefused() {
        assertThatThrownBy(() -> write(invoice("INV*42", CONTRACT.paymentTerms(), firstRelease().lines(),
                firstRelease().total())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BIG02").hasMessageContaining("'*'");
    }

    @Test
    void freeTextIsCleanedOfDelimiters() {
        Invoice.Line line = new Invoice.Line("1", "ACM-77812", null, "CASE*12~BLUE", BigDecimal.ONE, "EA",
                BigDecimal.TEN, BigDecimal.TEN);
        String x12 = write(invoice("INV-1", null, List.of(line), BigDecimal.TEN));

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "PID")).containsExactly("PID*F****CASE 12 BLUE");
    }

    @Test
    void valuesX12CannotCarryAreRefused() {
        // IT104 is R 1/17: 18 digits do not fit
        Invoice.Line line = new Invoice.Line("1", "ACM-77812", null, null, BigDecimal.ONE, "EA",
                new BigDecimal("1234567890.12345678"), BigDecimal.ONE);
        assertThatThrownBy(() -> write(invoice("INV-1", null, List.of(line), BigDecimal.ONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IT104");

        assertThatThrownBy(() -> write(invoice("INV-NUMBER-LONGER-THAN-22", null, firstRelease().lines(), BigDecimal.ONE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BIG02");

        assertThatThrownBy(() -> write(invoice("INV-1", null, firstRelease().lines(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TDS01");
    }

    @Test
    void version005010IsWrittenWhenAskedFor() {
        String x12 = writer.write(firstRelease(), ACME, ControlNumbers.inMemory(), NOW, "005010");

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "ISA").get(0)).contains("*^*00501*000000001*");
        assertThat(segments(x12, "GS").get(0)).endsWith("*X*005010");
        assertThat(segments(x12, "TDS")).containsExactly("TDS*991400");
    }

    @Test
    void otherVersionsAreRefused() {
        assertThatThrownBy(() -> writer.write(firstRelease(), ACME, ControlNumbers.inMemory(), NOW, "003010"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("810 version '003010'");
    }

    @Test
    void theValidationReallyChecksThe810Schema() {
        String x12 = write(firstRelease());

        assertThat(problems(x12.replace("ITD*01*3*", "ITD*05*3*"))).isNotEmpty();
        assertThat(problems(x12.replace("*42.5*CT*", "*42.5*PE*"))).isNotEmpty();
        assertThat(problems(x12.replace("TDS*991400", "TDS*9914.00"))).isNotEmpty();
    }

    @Test
    void creditMemoForTheDisputedLinesMatchesItsGoldenFile() throws IOException {
        String x12 = writer.writeCreditMemo(ClaimSamples.creditNote(), ACME, ControlNumbers.inMemory(), NOW);
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.createDirectories(CREDIT_MEMO_GOLDEN.getParent());
            Files.writeString(CREDIT_MEMO_GOLDEN, x12);
        }
        assertThat(problems(x12)).isEmpty();
        assertThat(x12).isEqualTo(Files.readString(CREDIT_MEMO_GOLDEN));
    }

    @Test
    void aCreditMemoIsAnInvoiceOfTypeCrNamingTheInvoiceItCredits() {
        String x12 = writeCreditMemo(ClaimSamples.creditNote());

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "GS").get(0)).startsWith("GS*IN*");
        // BIG01 credit date, BIG02 credit note number, BIG03 / 04 the order, BIG05 the release, BIG07 CR
        assertThat(segments(x12, "BIG")).containsExactly(
                "BIG*20270215*CN-2027-000007*20261102*4500012345*4500012345-01**CR");
        assertThat(segments(x12, "REF")).containsExactly("REF*CT*GSA-47QSWA-2026", "REF*VR*V-0042-EDIHUB",
                "REF*OI*INV-2027-000042");
        assertThat(segments(x12, "IT1")).containsExactly("IT1*1*10*EA*42.5*CT*BP*ACM-77812*VP*EH-1001",
                "IT1*2*2*CA*118*CT*BP*ACM-77813*VP*EH-2040");
        // positive: BIG07 says the money goes back
        assertThat(segments(x12, "TDS")).containsExactly("TDS*66100");
        assertThat(segments(x12, "CTT")).containsExactly("CTT*2");
        assertThat(segments(x12, "ITD")).isEmpty();
        assertThat(segments(x12, "DTM")).isEmpty();
    }

    @Test
    void aCreditMemoLineIsAQuantityAtAPrice() {
        CreditNote amountOnly = ClaimSamples.creditNote(List.of(new CreditNote.Line("1", "ACM-77812", null, null, null,
                null, null, new BigDecimal("150.00"))), new BigDecimal("150.00"));
        assertThatThrownBy(() -> writeCreditMemo(amountOnly)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("send an amount-only credit as an 812");

        CreditNote offPrice = ClaimSamples.creditNote(List.of(new CreditNote.Line("1", "ACM-77812", null, null,
                BigDecimal.TEN, "EA", new BigDecimal("42.50"), new BigDecimal("400.00"))), new BigDecimal("400.00"));
        assertThatThrownBy(() -> writeCreditMemo(offPrice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credits 400.00 but its quantity at its price is 425.00");

        assertThatThrownBy(() -> writeCreditMemo(ClaimSamples.creditNote(ClaimSamples.creditNote().lines(),
                new BigDecimal("600")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totals 600");
    }

    @Test
    void aCreditMemoIn005010() {
        String x12 = writer.writeCreditMemo(ClaimSamples.creditNote(), ACME, ControlNumbers.inMemory(), NOW, "005010");

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "BIG").get(0)).endsWith("**CR");
    }

    @Test
    void theValidationKnowsTheCreditMemoType() {
        String x12 = writeCreditMemo(ClaimSamples.creditNote());

        assertThat(problems(x12.replace("**CR~", "**DR~"))).isNotEmpty();
        assertThat(problems(x12.replace("REF*OI*", "REF*ZZ*"))).isNotEmpty();
    }

    private String writeCreditMemo(CreditNote note) {
        return writer.writeCreditMemo(note, ACME, ControlNumbers.inMemory(), NOW);
    }

    /**
     * The invoice for what ACME accepted of the first monthly release of the blanket order in
     * {@code edi-samples/acme/}, at the prices and terms of its contract in {@code config/partners/acme.yaml}.
     */
    private static Invoice firstRelease() {
        List<Invoice.Line> lines = List.of(
                line("1", "ACM-77812", "EH-1001", "RUGGED TABLET 10 INCH", "100", "EA"),
                line("2", "ACM-77813", "EH-2040", "PROTECTIVE CASE PACK OF 12", "48", "CA"));
        BigDecimal total = lines.stream().map(Invoice.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return invoice("INV-2027-000042", CONTRACT.paymentTerms(), lines, total);
    }

    private static Invoice.Line line(String number, String buyerPart, String vendorPart, String description,
            String quantity, String unit) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal price = CONTRACT.unitPrice(vendorPart, buyerPart, SHIPPED, q).orElseThrow();
        return new Invoice.Line(number, buyerPart, vendorPart, description, q, unit, price,
                q.multiply(price).setScale(2, RoundingMode.HALF_UP));
    }

    private static Invoice invoice(String number, Contract.PaymentTerms terms, List<Invoice.Line> lines,
            BigDecimal total) {
        return invoice(number, terms, lines, total, ACCEPTED);
    }

    /** An invoice with the dates its terms give when the goods were accepted on {@code accepted}. */
    private static Invoice invoice(String number, Contract.PaymentTerms terms, List<Invoice.Line> lines,
            BigDecimal total, LocalDate accepted) {
        if (terms == null) {
            return new Invoice(number, "acme", "ACC-2027-000042", "4500012345", ORDERED, "4500012345-01",
                    CONTRACT.number(), CONTRACT.supplierNumber(), CONTRACT.currency(), INVOICED, SHIPPED, null, accepted,
                    INVOICED, INVOICED, null, null, lines, total);
        }
        LocalDate from = switch (terms.dueFrom()) {
            case INVOICE -> INVOICED;
            case ACCEPTANCE -> accepted;
            case LATER_OF_INVOICE_AND_ACCEPTANCE -> accepted.isAfter(INVOICED) ? accepted : INVOICED;
        };
        boolean discount = terms.hasDiscount();
        return new Invoice(number, "acme", "ACC-2027-000042", "4500012345", ORDERED, "4500012345-01", CONTRACT.number(),
                CONTRACT.supplierNumber(), CONTRACT.currency(), INVOICED, SHIPPED, terms, accepted, from,
                from.plusDays(terms.netDays()), discount ? from.plusDays(terms.discountDays()) : null,
                discount ? total.multiply(terms.discountPercent()).movePointLeft(2).setScale(2, RoundingMode.HALF_UP)
                        : null, lines, total);
    }

    private String write(Invoice invoice) {
        return writer.write(invoice, ACME, ControlNumbers.inMemory(), NOW);
    }
}
