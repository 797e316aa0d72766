package io.edihub.x12;

import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * The X12 acknowledgment codes for what StAEDI reports: AK304 segment syntax codes, AK403 element
 * syntax codes, AK502 set codes, AK905 group codes and TA105 interchange note codes.
 */
final class AckCodes {

    private static final String[] ISA_TA1 = {
        null, "010", "011", "012", "013", "005", "006", "007", "008", "014", "015", "016", "017", "018", "019", "020", "027"};

    private AckCodes() {
    }

    static String ak3(EDIStreamValidationError e) {
        return switch (e) {
            case UNRECOGNIZED_SEGMENT_ID -> "1";
            case UNEXPECTED_SEGMENT, IMPLEMENTATION_UNUSED_SEGMENT_PRESENT,
                    IMPLEMENTATION_DEPENDENT_UNUSED_SEGMENT_PRESENT, SEGMENT_EXCLUSION_CONDITION_VIOLATED -> "2";
            case MANDATORY_SEGMENT_MISSING, IMPLEMENTATION_DEPENDENT_SEGMENT_MISSING,
                    IMPLEMENTATION_LOOP_OCCURS_UNDER_MINIMUM_TIMES, IMPLEMENTATION_SEGMENT_BELOW_MINIMUM_USE,
                    CONDITIONAL_REQUIRED_SEGMENT_MISSING -> "3";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "4";
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> "5";
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "6";
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "7";
            default -> "8";
        };
    }

    static String ak4(EDIStreamValidationError e) {
        return switch (e) {
            case REQUIRED_DATA_ELEMENT_MISSING, IMPLEMENTATION_DEPENDENT_DATA_ELEMENT_MISSING -> "1";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "2";
            case TOO_MANY_DATA_ELEMENTS, IMPLEMENTATION_UNUSED_DATA_ELEMENT_PRESENT,
                    IMPLEMENTATION_DEPENDENT_UNUSED_DATA_ELEMENT_PRESENT -> "3";
            case DATA_ELEMENT_TOO_SHORT -> "4";
            case DATA_ELEMENT_TOO_LONG -> "5";
            case INVALID_CHARACTER_DATA, IMPLEMENTATION_PATTERN_MATCH_FAILURE -> "6";
            case INVALID_CODE_VALUE, IMPLEMENTATION_INVALID_CODE_VALUE -> "7";
            case INVALID_DATE -> "8";
            case INVALID_TIME -> "9";
            case EXCLUSION_CONDITION_VIOLATED -> "10";
            case TOO_MANY_REPETITIONS, IMPLEMENTATION_TOO_FEW_REPETITIONS -> "12";
            case TOO_MANY_COMPONENTS -> "13";
            default -> "7";
        };
    }

    /** AK502 for an error in the set's own header or trailer. */
    static String ak5For(String tag, int element) {
        if ("SE".equals(tag)) {
            return element == 1 ? "4" : "3";
        }
        return element == 1 ? "6" : "7";
    }

    /** AK905 for an error in the group's header or trailer. */
    static String ak9For(String tag, int element) {
        if ("GE".equals(tag)) {
            return element == 1 ? "5" : "4";
        }
        return switch (element) {
            case 6 -> "6";
            case 8 -> "2";
            case 1 -> "1";
            default -> null;
        };
    }

    /**
     * AK905 for a GS02 the partner may not use: 7, Invalid Application Sender's Code, in 005010 and later; the
     * releases before have no such code, and there the group is one we do not take from this sender: 1, Functional
     * Group Not Supported.
     */
    static String invalidApplicationSender(String version) {
        return fromVersion5010(version) ? "7" : "1";
    }

    /**
     * AK905 for a group whose GS06 an earlier group of the interchange used: 19, Functional Group Control Number not
     * Unique within Interchange, in 005010 and later. Before, 19 is a security code (S1E segment missing) and the list
     * has no code for a repeated number; the nearest is 6, Group Control Number Violates Syntax.
     */
    static String duplicateGroupControlNumber(String version) {
        return fromVersion5010(version) ? "19" : "6";
    }

    private static boolean fromVersion5010(String version) {
        return version != null && version.length() >= 6 && version.substring(0, 6).compareTo("005010") >= 0;
    }

    /** TA105 for an error in the interchange header or trailer. */
    static String ta1For(String tag, int element) {
        if ("IEA".equals(tag)) {
            return element == 1 ? "021" : "001";
        }
        return element >= 1 && element < ISA_TA1.length ? ISA_TA1[element] : "022";
    }

    static String describe(EDIStreamValidationError e, String tag, int element, String reference, String text) {
        String where = element > 0 && tag != null ? String.format("%s%02d", tag, element) : tag;
        String ref = reference != null && element > 0 ? " (element " + reference + ")" : "";
        String value = text != null ? " '" + IsaHeader.printable(text) + "'" : "";
        return switch (e) {
            case UNRECOGNIZED_SEGMENT_ID -> "unknown segment " + tag;
            case UNEXPECTED_SEGMENT -> "segment " + tag + " is not expected here";
            case MANDATORY_SEGMENT_MISSING -> "mandatory segment " + tag + " is missing";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES -> "loop " + tag + " repeats more often than allowed";
            case SEGMENT_EXCEEDS_MAXIMUM_USE -> "segment " + tag + " repeats more often than allowed";
            case SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET -> "segment " + tag + " does not belong in this transaction set";
            case SEGMENT_NOT_IN_PROPER_SEQUENCE -> "segment " + tag + " is out of sequence";
            case REQUIRED_DATA_ELEMENT_MISSING -> "mandatory element " + where + ref + " is missing";
            case CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "element " + where + ref + " is required together with another element";
            case TOO_MANY_DATA_ELEMENTS -> "segment " + tag + " has more elements than defined (" + where + ")";
            case EXCLUSION_CONDITION_VIOLATED -> "element " + where + ref + " may not be sent together with another element";
            case TOO_MANY_REPETITIONS -> "element " + where + ref + " repeats more often than allowed";
            case TOO_MANY_COMPONENTS -> "element " + where + ref + " has too many components";
            case DATA_ELEMENT_TOO_SHORT -> "element " + where + ref + value + " is too short";
            case DATA_ELEMENT_TOO_LONG -> "element " + where + ref + value + " is too long";
            case INVALID_CHARACTER_DATA -> "element " + where + ref + value + " has characters its data type does not allow";
            case INVALID_CODE_VALUE, IMPLEMENTATION_INVALID_CODE_VALUE -> "element " + where + ref + value + " is not a valid code";
            case INVALID_DATE -> "element " + where + ref + value + " is not a valid date (CCYYMMDD)";
            case INVALID_TIME -> "element " + where + ref + value + " is not a valid time (HHMM)";
            case CONTROL_REFERENCE_MISMATCH -> "control number " + where + value + " does not match its header";
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "count " + where + value + " does not match the actual count";
            default -> e.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " at " + where + value;
        };
    }
}
