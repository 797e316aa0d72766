package io.edihub.intake;

import java.util.List;

/**
 * What became of one input file, once its effects are committed.
 *
 * @param documentId  the stored raw document
 * @param fileName    the input's name
 * @param disposition where the input file goes now
 * @param report      the error report for {@code <name>.error.txt}; empty when nothing was wrong
 * @param outbound    the acknowledgments to write to the partner's outbound folder
 * @param resumed     true when the file had already been processed (a crash before it was moved)
 * @param orders      how many orders were stored
 */
public record IntakeOutcome(long documentId, String fileName, Disposition disposition, String report,
        List<OutboundFile> outbound, boolean resumed, int orders) {

    public IntakeOutcome {
        outbound = List.copyOf(outbound);
    }

    /** Where an input file is moved after processing. */
    public enum Disposition {
        /** everything in it was taken */
        ARCHIVE,
        /** something in it was refused: the file is kept in error/ with the reason beside it */
        ERROR;

        /** The folder name beside inbound/. */
        public String folder() {
            return this == ARCHIVE ? "archive" : "error";
        }
    }

    /** A document for the partner's outbound folder. */
    public record OutboundFile(long id, String fileName, String content) {
    }
}
