/**
 * Reading what partners and systems send the hub as JSON or CSV, the same way for every kind of document:
 * a size limit checked before parsing, JSON checked against its published schema, CSV read by its header
 * row, and every error said in the sender's terms (a JSON pointer, a line and column, a row and column).
 * The format readers of orders, acceptances and shipments build on it; it knows none of them.
 */
package io.edihub.document;
