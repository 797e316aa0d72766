/**
 * Documents partners and systems send as JSON or CSV: the readers of orders, acceptances, credit/debit adjustments,
 * remittances and (the helpers for) shipments, each against its published schema, the same way for every kind: a size limit checked
 * before parsing, JSON checked against its schema, CSV read by its header row, every error said in the
 * sender's terms (a JSON pointer, a line and column, a row and column). Also recognises a document's format
 * by its content ({@link io.edihub.document.OrderFormat}). Writes the documents we send customers as JSON or CSV
 * ({@link io.edihub.document.ClaimDocumentsJson}, {@link io.edihub.document.BusinessDocumentsJson},
 * {@link io.edihub.document.BusinessDocumentsCsv}).
 *
 * <p>Owns no tables. May use {@code canonical} and {@code partner} (the payment terms an invoice carries): a format
 * adapter knows the canonical documents, not the modules that act on them.
 */
@ApplicationModule(displayName = "JSON and CSV documents", allowedDependencies = {"canonical", "partner"})
package io.edihub.document;

import org.springframework.modulith.ApplicationModule;
