package io.edihub.ops;

/**
 * The names of EDI Hub's own Camel message headers. Camel's own headers are taken from Camel's constants.
 */
public final class EdiHubHeaders {

    /** The partner whose channel a message came from. */
    public static final String PARTNER = "EdiHubPartner";
    /**
     * What an inbound file is, recognised by its content: X12, EDIFACT, JSON, CSV, ACCEPTANCE_JSON, ACCEPTANCE_CSV,
     * ADJUSTMENT_JSON, ADJUSTMENT_CSV, REMITTANCE_JSON, REMITTANCE_CSV, UNKNOWN.
     */
    public static final String FORMAT = "EdiHubFormat";
    /**
     * The channel an input came over when it is not its partner's SFTP folder: {@code AS2} (its answers then go by the
     * delivery route, over AS2, instead of to the folder).
     */
    public static final String CHANNEL = "EdiHubChannel";
    /** The stored inbound document a message belongs to. */
    public static final String DOCUMENT_ID = "EdiHubDocumentId";
    /** Where the consumed input file is moved once its effects are committed, relative to inbound/. */
    public static final String MOVE_TO = "EdiHubMoveTo";
    /** The name of the error report written beside a refused input in error/. */
    public static final String ERROR_FILE = "EdiHubErrorFile";

    /**
     * The size in bytes of an input over the size limit, which is refused without being read (its body is empty).
     * Kept with a dead letter, so that a replay refuses it again.
     */
    public static final String TOO_LARGE = "EdiHubTooLarge";

    /** The stored outbound document a delivery route is writing. */
    public static final String OUTBOUND_ID = "EdiHubOutboundId";

    /** The partner folder a delivery route writes to. */
    public static final String DIRECTORY = "EdiHubDirectory";

    /** On a replay: the id of the dead letter being replayed (its failure is answered to the operator, not stored again). */
    public static final String REPLAY_OF = "EdiHubReplayOf";

    /** On a replay: true when the operator chose to skip the document-level duplicate check (same interchange). */
    public static final String BYPASS_DUPLICATES = "EdiHubBypassDuplicates";

    /** The dead letter a failed input was kept as. */
    public static final String DEAD_LETTER_ID = "EdiHubDeadLetterId";

    /** Exchange property: the input as it came, kept for a dead letter should its processing fail. */
    public static final String ORIGINAL_BODY = "EdiHubOriginalBody";

    /** Exchange property: true once the dead-letter desk has given up on the input (parked it). */
    public static final String PARKED = "EdiHubParked";

    private EdiHubHeaders() {
    }
}
