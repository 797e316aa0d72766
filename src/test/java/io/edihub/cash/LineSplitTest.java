package io.edihub.cash;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineSplitTest {

    private static final LocalDate WINDOW_ENDS = LocalDate.of(2027, 1, 30);

    @Test
    void theOpenAmountPaidIsAllApplied() {
        assertSplit(LineSplit.of(bd("2550.00"), bd("2550.00"), null, WINDOW_ENDS, WINDOW_ENDS, bd("51.00"), false),
                "0", "0", "2550.00", "0", "0");
    }

    @Test
    void aDiscountTakenOnTheLastDayOfTheWindowIsEarned() {
        assertSplit(LineSplit.of(bd("2550.00"), bd("2499.00"), bd("51.00"), WINDOW_ENDS, WINDOW_ENDS, bd("51.00"), false),
                "51.00", "0", "2499.00", "0", "0");
    }

    @Test
    void aDiscountTakenTheDayAfterIsUnearnedAndDeducted() {
        assertSplit(LineSplit.of(bd("2550.00"), bd("2499.00"), bd("51.00"), WINDOW_ENDS.plusDays(1), WINDOW_ENDS,
                bd("51.00"), false), "0", "51.00", "2499.00", "0", "51.00");
    }

    @Test
    void moreDiscountThanTheTermsAllowIsEarnedOnlyUpToThem() {
        assertSplit(LineSplit.of(bd("2550.00"), bd("2474.00"), bd("76.00"), WINDOW_ENDS, WINDOW_ENDS, bd("51.00"), false),
                "51.00", "25.00", "2474.00", "0", "25.00");
    }

    @Test
    void aSecondDiscountOnTheSameInvoiceIsNotEarned() {
        assertSplit(LineSplit.of(bd("100.00"), bd("98.00"), bd("2.00"), WINDOW_ENDS, WINDOW_ENDS, bd("51.00"), true),
                "0", "2.00", "98.00", "0", "2.00");
    }

    @Test
    void termsWithoutADiscountEarnNone() {
        assertSplit(LineSplit.of(bd("100.00"), bd("98.00"), bd("2.00"), WINDOW_ENDS, null, null, false),
                "0", "2.00", "98.00", "0", "2.00");
    }

    @Test
    void paidShortTheRestIsTheDeduction() {
        assertSplit(LineSplit.of(bd("1700.00"), bd("1650.00"), null, WINDOW_ENDS, WINDOW_ENDS, bd("34.00"), false),
                "0", "0", "1650.00", "0", "50.00");
    }

    @Test
    void paidOverTheRestIsUnapplied() {
        assertSplit(LineSplit.of(bd("1700.00"), bd("1800.00"), null, WINDOW_ENDS, WINDOW_ENDS, bd("34.00"), false),
                "0", "0", "1700.00", "100.00", "0");
    }

    @Test
    void nothingOpenEverythingPaidIsUnapplied() {
        assertSplit(LineSplit.of(bd("0"), bd("25.00"), bd("1.00"), WINDOW_ENDS, WINDOW_ENDS, bd("34.00"), false),
                "0", "1.00", "0", "25.00", "0");
    }

    /** Random amounts: nothing is lost or made up, nothing is negative. */
    @Test
    void theSplitAlwaysAddsUp() {
        long seed = Long.getLong("linesplit.seed", new SplittableRandom().nextLong());
        System.out.println("LineSplitTest seed " + seed + " (replay with -Dlinesplit.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal open = cents(random, 500_000);
            BigDecimal paid = cents(random, 600_000);
            BigDecimal taken = random.nextBoolean() ? null : cents(random, 20_000);
            BigDecimal allowed = random.nextBoolean() ? null : cents(random, 20_000);
            LocalDate day = WINDOW_ENDS.plusDays(random.nextInt(-5, 6));
            LineSplit s = LineSplit.of(open, paid, taken, day, random.nextInt(4) == 0 ? null : WINDOW_ENDS, allowed,
                    random.nextInt(5) == 0);
            String what = "seed " + seed + " case " + i + ": " + s;
            assertThat(s.applied().add(s.over())).as(what).isEqualByComparingTo(paid);
            assertThat(s.earned().add(s.applied()).add(s.shortPaid())).as(what).isEqualByComparingTo(open);
            assertThat(s.earned().add(s.unearned())).as(what).isEqualByComparingTo(taken == null ? BigDecimal.ZERO : taken);
            for (BigDecimal part : new BigDecimal[] {s.earned(), s.unearned(), s.applied(), s.over(), s.shortPaid()}) {
                assertThat(part.signum()).as(what).isGreaterThanOrEqualTo(0);
            }
            if (allowed != null) {
                assertThat(s.earned()).as(what).isLessThanOrEqualTo(allowed);
            }
        }
    }

    private static BigDecimal cents(SplittableRandom random, int max) {
        return BigDecimal.valueOf(random.nextInt(max + 1), 2);
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    private static void assertSplit(LineSplit split, String earned, String unearned, String applied, String over,
            String shortPaid) {
        assertThat(split.earned()).as("earned").isEqualByComparingTo(earned);
        assertThat(split.unearned()).as("unearned").isEqualByComparingTo(unearned);
        assertThat(split.applied()).as("applied").isEqualByComparingTo(applied);
        assertThat(split.over()).as("over").isEqualByComparingTo(over);
        assertThat(split.shortPaid()).as("short").isEqualByComparingTo(shortPaid);
    }
}
