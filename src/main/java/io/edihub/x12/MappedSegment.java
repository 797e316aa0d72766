package io.edihub.x12;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One segment's element values, with the typed accessors and error reporting the X12 mappers share. */
final class MappedSegment {

    final String tag;
    final int position;
    final String[] v;
    final int count;
    final TransactionResult tx;

    MappedSegment(String tag, int position, String[] v, int count, TransactionResult tx) {
        this.tag = tag;
        this.position = position;
        this.v = v;
        this.count = count;
        this.tx = tx;
    }

    boolean has(int i) {
        return i <= count && v[i] != null && !v[i].isEmpty();
    }

    String get(int i) {
        return has(i) ? v[i] : null;
    }

    BigDecimal decimal(int i, String reference) {
        if (!has(i)) {
            return null;
        }
        if (!PurchaseOrder850Mapper.isDecimal(v[i])) {
            fail(i, reference, "6", v[i], "INVALID_NUMBER", String.format("%s%02d '%s' is not a number", tag, i, v[i]));
            return null;
        }
        return new BigDecimal(v[i]);
    }

    Integer integer(int i, String reference) {
        BigDecimal d = decimal(i, reference);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            fail(i, reference, "6", v[i], "INVALID_NUMBER", String.format("%s%02d '%s' is not a whole number", tag, i, v[i]));
            return null;
        }
    }

    LocalDate date(int i, String reference) {
        if (!has(i)) {
            return null;
        }
        LocalDate date = PurchaseOrder850Mapper.parseDate(v[i]);
        if (date == null) {
            fail(i, reference, "8", v[i], "INVALID_DATE", String.format("%s%02d '%s' is not a valid date (CCYYMMDD)", tag, i, v[i]));
        }
        return date;
    }

    void fail(int element, String reference, String ak403, String badValue, String code, String message) {
        tx.rejectElement(tag, position, element, reference, ak403, badValue, code, message);
    }

    /**
     * An SCH segment as a schedule entry (SCH01 quantity, SCH02 unit, SCH06 date, SCH11 reference), or null
     * when it is not usable (the error is reported on the set).
     */
    io.edihub.canonical.ScheduleLine scheduleLine() {
        BigDecimal quantity = decimal(1, "380");
        LocalDate date = date(6, "373");
        if (quantity != null && quantity.signum() <= 0) {
            fail(1, "380", "6", get(1), "QUANTITY_NOT_POSITIVE", "SCH01 quantity " + get(1) + " must be greater than zero");
            return null;
        }
        return quantity != null && date != null ? new io.edihub.canonical.ScheduleLine(quantity, get(2), date, get(11)) : null;
    }
}
