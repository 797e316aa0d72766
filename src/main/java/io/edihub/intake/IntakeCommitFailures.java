package io.edihub.intake;

import io.edihub.ops.EdiHubHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the intake routes' SFTP consumers do when moving a processed file out of {@code inbound/} fails (the server
 * went away at that moment): the file's document was already marked done, so it is opened again. The file stays in
 * {@code inbound/}, and the next poll finishes it from what was stored (the same answers, then the move) instead
 * of taking it for a new upload of an interchange already received.
 */
@Component("intakeCommitFailures")
class IntakeCommitFailures implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeCommitFailures.class);

    private final InboundDocuments documents;

    IntakeCommitFailures(InboundDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    /** Set on an exchange whose file could not be moved: its document is not completed (the next poll finishes it). */
    static final String MOVE_FAILED = "EdiHubMoveFailed";

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exchange != null) {
            exchange.setProperty(MOVE_FAILED, true);
        }
        Long documentId = exchange == null ? null : exchange.getMessage().getHeader(EdiHubHeaders.DOCUMENT_ID, Long.class);
        String file = exchange == null ? "a file" : exchange.getMessage().getHeader(Exchange.FILE_NAME, "a file", String.class);
        if (documentId == null) {
            LOG.warn("{}: {}", message == null ? "Moving " + file + " failed" : message, String.valueOf(exception));
            return;
        }
        try {
            documents.reopen(documentId);
            LOG.warn("{} was processed (document {}) but could not be moved out of inbound/ ({}): the next poll finishes it",
                    file, documentId, String.valueOf(exception));
        } catch (RuntimeException e) {
            LOG.error("{} was processed (document {}) but could not be moved out of inbound/ ({}), and the document could not "
                    + "be opened again ({}): the next poll may take it for a repeated interchange", file, documentId,
                    String.valueOf(exception), e.toString());
        }
    }
}
