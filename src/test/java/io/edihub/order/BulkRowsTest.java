package io.edihub.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV a big order's rows are COPYed as: what is null stays null, what is text stays that text. */
class BulkRowsTest {

    @Test
    void nullIsAnUnquotedEmptyFieldAndEmptyTextAQuotedOne() {
        assertThat(BulkRows.csv(List.<Object[]>of(new Object[] {7L, null, "", "1"})))
                .isEqualTo("7,,\"\",\"1\"\n");
    }

    @Test
    void quotesCommasAndLineBreaksInTextAreData() {
        assertThat(BulkRows.csv(List.<Object[]>of(new Object[] {"CASE, 12\" \"HEAVY\"\nDUTY"})))
                .isEqualTo("\"CASE, 12\"\" \"\"HEAVY\"\"\nDUTY\"\n");
    }

    @Test
    void numbersDatesAndInstantsAreWrittenAsPostgresqlReadsThem() {
        Object[] row = {new BigDecimal("1E+2"), new BigDecimal("42.500000"), Date.valueOf(LocalDate.of(2027, 1, 15)),
            Timestamp.from(Instant.parse("2026-11-20T08:00:00.123Z")), 3, true};
        assertThat(BulkRows.csv(List.<Object[]>of(row, row)))
                .isEqualTo("100,42.500000,2027-01-15,2026-11-20T08:00:00.123Z,3,true\n".repeat(2));
    }

    @Test
    void aValueWithoutACopyFormIsRefused() {
        assertThatThrownBy(() -> BulkRows.csv(List.<Object[]>of(new Object[] {LocalDate.of(2027, 1, 15)})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LocalDate");
    }
}
