package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.Adjustment;
import io.edihub.canonical.InputError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV adjustment reader, rule by rule; the samples are in {@link AdjustmentSamplesTest}. */
class AdjustmentCsvReaderTest {

    private static final String HEADER = "adjustment_number,adjustment_date,invoice_number,direction,amount,line_number,"
            + "quantity,unit,line_amount\n";
    private final AdjustmentCsvReader reader = new AdjustmentCsvReader(1 << 20);

    @Test
    void aFileMayHoldSeveralAdjustmentsAndOneOfAnAmountAlone() {
        List<Adjustment> adjustments = read(HEADER
                + "CM-1,2027-02-05,INV-1,credit,425.00,1,10,EA,425.00\n"
                + "CM-2,2027-02-06,INV-2,DEBIT,12.50,,,,\n");

        assertThat(adjustments).extracting(Adjustment::adjustmentNumber).containsExactly("CM-1", "CM-2");
        assertThat(adjustments.get(0).lines()).singleElement().satisfies(line -> {
            assertThat(line.lineNumber()).isEqualTo("1");
            assertThat(line.quantity()).isEqualByComparingTo("10");
        });
        assertThat(adjustments.get(1).credit()).isFalse();
        assertThat(adjustments.get(1).lines()).isEmpty();
    }

    @Test
    void anAdjustmentsOwnValuesMayBeStatedOnAnyOfItsRows() {
        List<Adjustment> adjustments = read(HEADER
                + "CM-1,,,,,1,10,EA,425.00\n"
                + "CM-1,2027-02-05,INV-1,credit,661.00,2,2,CA,236.00\n");

        assertThat(adjustments).singleElement().satisfies(a -> {
            assertThat(a.invoiceNumber()).isEqualTo("INV-1");
            assertThat(a.lines()).hasSize(2);
        });
    }

    @Test
    void requiredValuesMissingOnEveryRowAreNamedAtTheFirst() {
        assertThat(errors(HEADER + "CM-1,,,,,1,10,EA,425.00\n")).containsExactly(
                "row 2, column adjustment_date: adjustment CM-1 has no adjustment_date on any of its rows [MISSING_VALUE]",
                "row 2, column invoice_number: adjustment CM-1 has no invoice_number on any of its rows [MISSING_VALUE]",
                "row 2, column direction: adjustment CM-1 has no direction on any of its rows [MISSING_VALUE]",
                "row 2, column amount: adjustment CM-1 has no amount on any of its rows [MISSING_VALUE]");
        assertThat(errors("adjustment_number,amount\nCM-1,1\n")).containsExactly(
                "row 1: required column adjustment_date is missing [MISSING_COLUMN]",
                "row 1: required column invoice_number is missing [MISSING_COLUMN]",
                "row 1: required column direction is missing [MISSING_COLUMN]");
    }

    @Test
    void amountsAreMoney() {
        assertThat(errors(HEADER + "CM-1,2027-02-05,INV-1,credit,\"425,00\",1,,,425.001\n")).containsExactly(
                "row 2, column amount: '425,00' is not a number (write the decimal separator as a point) [BAD_NUMBER]",
                "row 2, column line_amount: '425.001' has more than 2 decimal places: an amount of money is in cents at"
                        + " most [BAD_NUMBER]");
    }

    private List<Adjustment> read(String csv) {
        AdjustmentDocument document = reader.read("acme", "cm.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(document.errors()).isEmpty();
        return document.adjustments();
    }

    private List<String> errors(String csv) {
        AdjustmentDocument document = reader.read("acme", "cm.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(document.adjustments()).isEmpty();
        return document.errors().stream().map(InputError::toString).toList();
    }
}
