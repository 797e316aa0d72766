package io.edihub.x12;

import java.util.List;

/**
 * A 997 a partner sent us about one of our groups (855, 856, 810): what it accepted and what not.
 *
 * @param functionalId       AK101, the functional id of our group (PR, SH, IN)
 * @param groupControlNumber AK102, our GS06
 * @param groupStatus        AK901: A accepted, E accepted with errors, P partially accepted, R rejected
 * @param sets               one entry per AK2 loop
 * @param errors             what the 997 says is wrong (AK3 / AK4 / AK5 / AK9 codes in words)
 */
public record ReceivedFunctionalAck(String functionalId, String groupControlNumber, String groupStatus, List<SetAck> sets,
        List<String> errors) {

    public ReceivedFunctionalAck {
        sets = List.copyOf(sets);
        errors = List.copyOf(errors);
    }

    /** True unless the group or one of its sets was rejected. */
    public boolean accepted() {
        return !"R".equals(groupStatus) && !"P".equals(groupStatus) && !"M".equals(groupStatus)
                && !"W".equals(groupStatus) && !"X".equals(groupStatus)
                && sets.stream().noneMatch(s -> "R".equals(s.status()) || "M".equals(s.status())
                        || "W".equals(s.status()) || "X".equals(s.status()));
    }

    /** @param setId AK201, controlNumber AK202 (our ST02), status AK501 */
    public record SetAck(String setId, String controlNumber, String status) {
    }
}
