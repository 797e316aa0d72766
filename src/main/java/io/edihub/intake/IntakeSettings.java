package io.edihub.intake;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub takes documents in ({@code edihub.intake.*}).
 *
 * @param maxDocumentBytes JSON and CSV order and acceptance documents larger than this are refused before they are
 *                         read (over HTTP with 413)
 */
@Validated
@ConfigurationProperties("edihub.intake")
public record IntakeSettings(@DefaultValue("10485760") @Positive(message = "must be at least 1 (bytes)") long maxDocumentBytes) {
}
