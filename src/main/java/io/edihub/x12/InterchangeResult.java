package io.edihub.x12;

import io.edihub.partner.PartnerProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on one interchange (ISA..IEA): its envelope, its groups, and what its TA1 says.
 */
public final class InterchangeResult {

    final Envelope envelope;
    PartnerProfile partner;
    final List<GroupResult> groups = new ArrayList<>();
    final List<X12Error> errors = new ArrayList<>();
    /** TA105; {@code 000} while nothing is wrong with the envelope. */
    String ta1Code = "000";
    boolean duplicate;

    InterchangeResult(Envelope envelope) {
        this.envelope = envelope;
    }

    public Envelope envelope() {
        return envelope;
    }

    /** The partner the sender was identified as (the default profile for an unknown sender). */
    public PartnerProfile partner() {
        return partner;
    }

    public List<GroupResult> groups() {
        return List.copyOf(groups);
    }

    public List<X12Error> errors() {
        return List.copyOf(errors);
    }

    public boolean rejected() {
        return !errors.isEmpty();
    }

    /** True for a test interchange (ISA15 T): read, checked and answered, but nothing it carries is taken. */
    public boolean test() {
        return "T".equals(envelope.usage());
    }

    public boolean duplicate() {
        return duplicate;
    }

    public String ta1Code() {
        return ta1Code;
    }

    void reject(String ta1, X12Error error) {
        if ("000".equals(ta1Code)) {
            ta1Code = ta1;
        }
        errors.add(error);
    }

    /**
     * The interchange header as received (ISA), values stripped of padding.
     */
    public record Envelope(String authorizationQualifier, String senderQualifier, String senderId,
            String receiverQualifier, String receiverId, String date, String time, String version,
            String controlNumber, String acknowledgmentRequested, String usage) {

        /**
         * The interchange control number an answer may name: ISA13 exactly as it stands in the input when it is one
         * (nine digits), else empty, for none readable (a flipped byte, a shifted header). An answer never names a
         * number made up from what was read, such as the digits left of a damaged one.
         */
        public String readableControlNumber() {
            return controlNumber != null && controlNumber.matches("[0-9]{9}") ? controlNumber : "";
        }
    }
}
