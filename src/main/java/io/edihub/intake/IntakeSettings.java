package io.edihub.intake;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub takes documents in ({@code edihub.intake.*}). A partner's profile may set its own limit for both
 * ({@code sftp.max-file-bytes}).
 *
 * @param maxDocumentBytes    JSON, CSV and EDIFACT documents larger than this are refused before they are read (over
 *                            HTTP with 413): they are read whole
 * @param maxInterchangeBytes X12 interchanges larger than this are refused before they are read; they are spooled to a
 *                            temporary file and stored and read as a stream, so their size costs disk, not heap
 */
@Validated
@ConfigurationProperties("edihub.intake")
public record IntakeSettings(
        @DefaultValue("10485760") @Positive(message = "must be at least 1 (bytes)") long maxDocumentBytes,
        @DefaultValue("1073741824") @Positive(message = "must be at least 1 (bytes)") long maxInterchangeBytes) {
}
