package io.edihub.edifact;

/**
 * The UNB of an EDIFACT interchange we send.
 *
 * @param ourId            our interchange id (UNB S002 0004)
 * @param ourQualifier     its qualifier (0007), or null
 * @param partnerId        the partner's interchange id (S003 0010): its {@code edifact.id}
 * @param partnerQualifier its qualifier, or null
 * @param controlReference the interchange control reference (0020), 1 to 14 digits; also the message reference (0062)
 * @param test             true when the interchange is a test (0035 = 1)
 */
public record EdifactEnvelope(String ourId, String ourQualifier, String partnerId, String partnerQualifier,
        long controlReference, boolean test) {
}
