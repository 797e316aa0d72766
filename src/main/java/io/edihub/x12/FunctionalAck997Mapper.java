package io.edihub.x12;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps the segments of one 997 a partner sent about one of our groups, as they stream by, to a
 * {@link ReceivedFunctionalAck}: AK1 names our group, each AK2 .. AK5 loop one of our sets with its verdict,
 * AK9 the group's verdict; AK3 / AK4 and the AK5 / AK9 error codes become error lines in words, so that an
 * operator can read why the partner refused an 855, 856 or 810 without an X12 code list at hand.
 * StAEDI has already checked the 997 against {@code 997.xml}.
 */
final class FunctionalAck997Mapper {

    /** AK304, data segment syntax error codes. */
    private static final Map<String, String> SEGMENT_ERRORS = Map.of(
            "1", "unrecognized segment id",
            "2", "unexpected segment",
            "3", "mandatory segment missing",
            "4", "loop occurs over maximum times",
            "5", "segment exceeds maximum use",
            "6", "segment not in defined transaction set",
            "7", "segment not in proper sequence",
            "8", "segment has data element errors");

    /** AK403, data element syntax error codes. */
    private static final Map<String, String> ELEMENT_ERRORS = Map.ofEntries(
            Map.entry("1", "mandatory data element missing"),
            Map.entry("2", "conditional required data element missing"),
            Map.entry("3", "too many data elements"),
            Map.entry("4", "data element too short"),
            Map.entry("5", "data element too long"),
            Map.entry("6", "invalid character in data element"),
            Map.entry("7", "invalid code value"),
            Map.entry("8", "invalid date"),
            Map.entry("9", "invalid time"),
            Map.entry("10", "exclusion condition violated"),
            Map.entry("12", "too many repetitions"),
            Map.entry("13", "too many components"));

    /** AK502 .. AK506, transaction set syntax error codes in every version (the security codes summarised). */
    private static final Map<String, String> SET_ERRORS = Map.ofEntries(
            Map.entry("1", "transaction set not supported"),
            Map.entry("2", "transaction set trailer missing"),
            Map.entry("3", "transaction set control number in header and trailer do not match"),
            Map.entry("4", "number of included segments does not match actual count"),
            Map.entry("5", "one or more segments in error"),
            Map.entry("6", "missing or invalid transaction set identifier"),
            Map.entry("7", "missing or invalid transaction set control number"),
            Map.entry("23", "transaction set control number not unique within the functional group"));

    /** AK502 codes that 005010 gave a new meaning: before it, 19 to 22 were security codes. */
    private static final Map<String, String> SET_ERRORS_005010 = Map.of(
            "18", "transaction set not in functional group",
            "19", "invalid transaction set implementation convention reference");

    /** AK905 .. AK909, functional group syntax error codes in every version (the security codes summarised). */
    private static final Map<String, String> GROUP_ERRORS = Map.of(
            "1", "functional group not supported",
            "2", "functional group version not supported",
            "3", "functional group trailer missing",
            "4", "group control number in the functional group header and trailer do not agree",
            "5", "number of included transaction sets does not match actual count",
            "6", "group control number violates syntax");

    /** AK905 codes that 005010 gave a new meaning: before it, 19 was a security code and 7 to 9 were not codes. */
    private static final Map<String, String> GROUP_ERRORS_005010 = Map.of(
            "7", "invalid application sender's code",
            "8", "invalid application receiver's code",
            "9", "invalid responsible agency code",
            "19", "functional group control number not unique within interchange");

    /** Whether the 997 is 005010 or later (its group's GS08), which decides what some codes mean. */
    private final boolean v005010;

    private String functionalId;
    private String groupControlNumber;
    private String groupStatus;
    private final List<ReceivedFunctionalAck.SetAck> sets = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    /** AK201 and AK202 of the AK2 loop being read. */
    private String setId;
    private String setControlNumber;
    private String segmentInError;

    /** @param version GS08 of the group that carries the 997 */
    FunctionalAck997Mapper(String version) {
        v005010 = version != null && version.length() >= 6 && version.substring(0, 6).compareTo("005010") >= 0;
    }

    void segment(String tag, int position, String[] v, int count, TransactionResult tx) {
        MappedSegment s = new MappedSegment(tag, position, v, count, tx);
        switch (tag) {
            case "AK1" -> {
                functionalId = s.get(1);
                groupControlNumber = number(s.get(2));
            }
            case "AK2" -> {
                setId = s.get(1);
                setControlNumber = s.get(2);
                segmentInError = null;
            }
            case "AK3" -> {
                segmentInError = s.get(1);
                errors.add(set() + "segment " + s.get(1) + " at position " + s.get(2)
                        + (s.has(3) ? " in loop " + s.get(3) : "") + ": " + words(SEGMENT_ERRORS, s.get(4), "AK304"));
            }
            case "AK4" -> {
                String element = s.has(1) ? (segmentInError != null ? segmentInError : "") + pad(s.get(1)) : "an element";
                errors.add(set() + "element " + element + (s.has(2) ? " (data element " + s.get(2) + ")" : "")
                        + (s.has(4) ? " '" + s.get(4) + "'" : "") + ": " + words(ELEMENT_ERRORS, s.get(3), "AK403"));
            }
            case "AK5" -> {
                String status = s.get(1);
                List<String> reasons = codes(s, 2, 6, SET_ERRORS, SET_ERRORS_005010, "AK502");
                if (!"A".equals(status) || !reasons.isEmpty()) {
                    errors.add(set() + verdict(status) + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons)));
                }
                sets.add(new ReceivedFunctionalAck.SetAck(setId, setControlNumber, status));
                setId = null;
                setControlNumber = null;
            }
            case "AK9" -> {
                groupStatus = s.get(1);
                List<String> reasons = codes(s, 5, 9, GROUP_ERRORS, GROUP_ERRORS_005010, "AK905");
                if (!"A".equals(groupStatus) || !reasons.isEmpty()) {
                    errors.add("group " + functionalId + " " + groupControlNumber + " " + verdict(groupStatus) + ": "
                            + s.get(2) + " set(s) included, " + s.get(3) + " received, " + s.get(4) + " accepted"
                            + (reasons.isEmpty() ? "" : "; " + String.join("; ", reasons)));
                }
            }
            default -> {
                // validated against the schema; a 997 holds nothing else
            }
        }
    }

    /** The acknowledgment after SE, or null when the set is rejected (the reason is on the set). */
    ReceivedFunctionalAck build(TransactionResult tx) {
        if (tx.status() == TransactionResult.Status.REJECTED || functionalId == null || groupStatus == null) {
            return null;
        }
        return new ReceivedFunctionalAck(functionalId, groupControlNumber, groupStatus, sets, errors);
    }

    private String set() {
        return setId == null ? "" : setId + " " + setControlNumber + ": ";
    }

    /**
     * AK102 is type N0: 000000007 and 7 are the same group control number, and our GS06 is written without
     * leading zeros, so the number is kept in that form to find the group it answers.
     */
    private static String number(String value) {
        if (value == null || value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            return value;
        }
        return new BigInteger(value).toString();
    }

    private static String pad(String position) {
        return position.length() == 1 ? "0" + position : position;
    }

    private List<String> codes(MappedSegment s, int from, int to, Map<String, String> table,
            Map<String, String> table005010, String element) {
        List<String> reasons = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (s.has(i)) {
                String code = s.get(i);
                reasons.add(words(v005010 && table005010.containsKey(code) ? table005010 : table, code, element));
            }
        }
        return reasons;
    }

    private static String words(Map<String, String> table, String code, String element) {
        if (code == null) {
            return "no reason given";
        }
        String words = table.get(code);
        return (words != null ? words : "security or other error") + " (" + element + " " + code + ")";
    }

    private static String verdict(String status) {
        return switch (status == null ? "" : status) {
            case "A" -> "accepted";
            case "E" -> "accepted with errors noted";
            case "P" -> "partially accepted";
            case "M" -> "rejected: message authentication code failed";
            case "W" -> "rejected: assurance failed validity tests";
            case "X" -> "rejected: content could not be analyzed after decryption";
            default -> "rejected";
        };
    }
}
