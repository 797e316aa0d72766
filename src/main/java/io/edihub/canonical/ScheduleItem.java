package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One part on a delivery schedule (an X12 830 or 862 LIN loop): what the customer plans to take of it, when, what it
 * says it has received so far, and what it authorizes us to commit to.
 *
 * @param buyerPart      the customer's part (LIN BP / IN / CB / PI)
 * @param vendorPart     our part (LIN VP / VN / VA / MG)
 * @param poLineNumber   the blanket order's line (LIN PL), if given
 * @param poNumber       the blanket order of this line when the line names its own (REF*PO in the LIN loop), else the
 *                       schedule's
 * @param unit           the unit of measure of every quantity of the line (UIT01)
 * @param forecasts      the requirements, in the order sent (FST)
 * @param shipped        quantities shipped or received as the customer counts them (SHP), cumulative or not
 * @param authorizations resource authorizations (ATH; 830 only)
 */
public record ScheduleItem(String buyerPart, String vendorPart, String poLineNumber, String poNumber, String unit,
        List<Forecast> forecasts, List<Shipped> shipped, List<Authorization> authorizations) {

    public ScheduleItem {
        forecasts = List.copyOf(forecasts);
        shipped = List.copyOf(shipped);
        authorizations = List.copyOf(authorizations);
    }

    /**
     * How firm a requirement is (FST02). The hub takes three of the forecast qualifiers X12 defines; the others (pilot,
     * rounded container, potential increase, tooling capacities, mutually defined ...) are refused rather than guessed.
     */
    public enum Commitment {
        /** A: required now (past due or at once); applied like a firm requirement. */
        IMMEDIATE("A"),
        /** C: firm, a release the customer will take. */
        FIRM("C"),
        /** D: planning, a forecast that commits nobody (never a release request). */
        PLANNING("D");

        private final String x12Code;

        Commitment(String x12Code) {
            this.x12Code = x12Code;
        }

        public String x12Code() {
            return x12Code;
        }

        /** The commitment of an FST02 code, or null for a code the hub does not take. */
        public static Commitment fromX12(String code) {
            for (Commitment c : values()) {
                if (c.x12Code.equals(code)) {
                    return c;
                }
            }
            return null;
        }

        /** Whether the requirement becomes a release (firm or immediate) rather than a forecast. */
        public boolean releases() {
            return this != PLANNING;
        }
    }

    /**
     * A requirement of the line for a day or a period (FST).
     *
     * @param quantity   FST01, never negative
     * @param commitment FST02
     * @param timing     FST03 as sent: D discrete (one day), W weekly, M monthly, F flexible interval (FST04 to FST05),
     *                   others kept as sent
     * @param date       FST04: the day, or the first day of the period
     * @param endDate    the period's last day: FST05 when sent, else the end of the bucket FST03 names (a week from a W
     *                   date, a month from an M date, the day itself otherwise)
     */
    public record Forecast(BigDecimal quantity, Commitment commitment, String timing, LocalDate date, LocalDate endDate) {

        public Forecast {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(commitment, "commitment");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(endDate, "endDate");
        }

        /** The last day of a period that starts on {@code date} with timing {@code timing}, when no end date is sent. */
        public static LocalDate bucketEnd(String timing, LocalDate date) {
            return switch (timing == null ? "" : timing) {
                case "W" -> date.plusDays(6);
                case "M" -> date.plusMonths(1).minusDays(1);
                case "Q" -> date.plusMonths(3).minusDays(1);
                default -> date;
            };
        }
    }

    /**
     * Shipped / received information (SHP).
     *
     * @param qualifier     SHP01: 01 discrete, 02 cumulative, ... (07 to 10 are cumulative too)
     * @param quantity      SHP02
     * @param dateQualifier SHP03: what SHP04 is (011 shipped, 050 received, 051 cumulative start ...)
     * @param date          SHP04: the day shipped or received, or the cumulative start date
     * @param endDate       SHP06: the cumulative end date, if any
     */
    public record Shipped(String qualifier, BigDecimal quantity, String dateQualifier, LocalDate date, LocalDate endDate) {

        /** Whether the quantity is counted from a cumulative start date (SHP01 02, 07, 08, 09 or 10). */
        public boolean cumulative() {
            return qualifier != null && List.of("02", "07", "08", "09", "10").contains(qualifier);
        }
    }

    /**
     * A resource authorization (ATH): what the customer will pay for if it cancels.
     *
     * @param resource        ATH01: FI finished (labor, material and overhead), MT material, ... as sent
     * @param throughDate     ATH02: the date through which the resource is authorized
     * @param quantity        ATH03: the cumulative quantity authorized from the start date through ATH02
     * @param maximumQuantity ATH04: the highest cumulative quantity ever authorized (it does not go down), if sent
     * @param cumulativeStart ATH05: the date the cumulative count starts
     */
    public record Authorization(String resource, LocalDate throughDate, BigDecimal quantity, BigDecimal maximumQuantity,
            LocalDate cumulativeStart) {
    }
}
