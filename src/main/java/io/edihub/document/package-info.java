/**
 * Documents partners and systems send as JSON or CSV: the readers of orders, acceptances, credit/debit adjustments,
 * remittances and (the helpers for) shipments, each against its published schema, the same way for every kind: a size limit checked
 * before parsing, JSON checked against its schema, CSV read by its header row, every error said in the
 * sender's terms (a JSON pointer, a line and column, a row and column). Also recognises a document's format
 * by its content ({@link io.edihub.document.OrderFormat}).
 *
 * <p>Owns no tables. May use {@code canonical} only: a format adapter knows the canonical documents, not
 * the modules that act on them.
 */
@ApplicationModule(displayName = "JSON and CSV documents", allowedDependencies = {"canonical"})
package io.edihub.document;

import org.springframework.modulith.ApplicationModule;
