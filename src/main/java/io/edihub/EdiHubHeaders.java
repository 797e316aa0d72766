package io.edihub;

/**
 * The names of EDI Hub's own Camel message headers. Camel's own headers are taken from Camel's constants.
 */
public final class EdiHubHeaders {

    /** The partner whose channel a message came from. */
    public static final String PARTNER = "EdiHubPartner";
    /** The stored inbound document a message belongs to. */
    public static final String DOCUMENT_ID = "EdiHubDocumentId";
    /** Where the consumed input file is moved once its effects are committed, relative to inbound/. */
    public static final String MOVE_TO = "EdiHubMoveTo";
    /** The name of the error report written beside a refused input in error/. */
    public static final String ERROR_FILE = "EdiHubErrorFile";

    /** The stored outbound document a delivery route is writing. */
    public static final String OUTBOUND_ID = "EdiHubOutboundId";

    /** The partner folder a delivery route writes to. */
    public static final String DIRECTORY = "EdiHubDirectory";

    private EdiHubHeaders() {
    }
}
