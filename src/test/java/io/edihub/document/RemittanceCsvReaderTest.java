package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.InputError;
import io.edihub.canonical.Remittance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV remittance reader, rule by rule; the samples are in {@link RemittanceSamplesTest}. */
class RemittanceCsvReaderTest {

    private static final String HEADER = "trace_number,payment_date,total,invoice_number,paid,adjustment_amount,"
            + "adjustment_reason\n";
    private final RemittanceCsvReader reader = new RemittanceCsvReader(1 << 20);

    @Test
    void aFileMayHoldSeveralPaymentsOneRowPerInvoice() {
        List<Remittance> remittances = read(HEADER
                + "ACH-1,2027-03-05,1000.50,INV-1,600,,\n"
                + "ACH-1,,,INV-2,400.50,-9.50,04\n"
                + "CHK-2,2027-03-06,12.5,INV-3,12.5,,\n");

        assertThat(remittances).extracting(Remittance::traceNumber).containsExactly("ACH-1", "CHK-2");
        assertThat(remittances.get(0).lines()).extracting(Remittance.Line::invoiceNumber).containsExactly("INV-1", "INV-2");
        assertThat(remittances.get(0).lines().get(1).adjustments()).singleElement().satisfies(a -> {
            assertThat(a.amount()).isEqualByComparingTo("-9.5");
            assertThat(a.reasonCode()).isEqualTo("04");
            assertThat(a.text()).isNull();
        });
    }

    @Test
    void aPaymentsOwnValuesMayBeStatedOnAnyOfItsRows() {
        List<Remittance> remittances = read(HEADER
                + "ACH-1,,,INV-1,600,,\n"
                + "ACH-1,2027-03-05,1000.50,INV-2,400.50,,\n");

        assertThat(remittances).singleElement().satisfies(r -> {
            assertThat(r.total()).isEqualByComparingTo("1000.5");
            assertThat(r.lines()).hasSize(2);
        });
    }

    @Test
    void requiredValuesAndColumnsAreNamed() {
        assertThat(errors(HEADER + "ACH-1,,,INV-1,600,,\n")).containsExactly(
                "row 2, column total: payment ACH-1 has no total on any of its rows [MISSING_VALUE]");
        assertThat(errors("trace_number,total\nACH-1,1\n")).containsExactly(
                "row 1: required column invoice_number is missing [MISSING_COLUMN]",
                "row 1: required column paid is missing [MISSING_COLUMN]");
    }

    @Test
    void amountsAreMoneyAndOnlyAnAdjustmentIsNegative() {
        assertThat(errors(HEADER + "ACH-1,2027-03-05,\"1000,50\",INV-1,-600,-600.001,04\n")).containsExactly(
                "row 2, column total: '1000,50' is not a number (write the decimal separator as a point) [BAD_NUMBER]",
                "row 2, column paid: '-600' is less than zero: what the customer deducts goes in adjustment_amount"
                        + " [NEGATIVE_NUMBER]",
                "row 2, column adjustment_amount: '-600.001' has more than 2 decimal places: an amount of money is in"
                        + " cents at most [BAD_NUMBER]");
    }

    private List<Remittance> read(String csv) {
        RemittanceDocument document = reader.read("acme", "pay.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(document.errors()).isEmpty();
        return document.remittances();
    }

    private List<String> errors(String csv) {
        RemittanceDocument document = reader.read("acme", "pay.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(document.remittances()).isEmpty();
        return document.errors().stream().map(InputError::toString).toList();
    }
}
