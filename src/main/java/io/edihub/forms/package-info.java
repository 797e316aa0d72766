/**
 * Document forms: each business document a partner gets (order acknowledgment, ship notice, invoice, credit note,
 * return authorization, the answer to a remittance) written in the form its partner file asks for under
 * {@code documents:} (X12, EDIFACT D96A, JSON, CSV, or no file) and stored for its {@code outbound/} folder. The one
 * place that chooses the writer, so that the modules making the documents (intake, fulfillment, billing, claims,
 * cash) hand over the canonical document and nothing else. Public API: {@link io.edihub.forms.OutgoingDocuments}.
 *
 * <p>Owns no tables (the documents are stored through {@code outbound}). May use {@code canonical}, {@code document}
 * (JSON and CSV), {@code edifact}, {@code outbound}, {@code partner} and {@code x12}.
 */
@ApplicationModule(displayName = "Document forms",
        allowedDependencies = {"canonical", "document", "edifact", "outbound", "partner", "x12"})
package io.edihub.forms;

import org.springframework.modulith.ApplicationModule;
