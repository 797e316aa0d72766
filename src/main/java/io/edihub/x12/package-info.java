/**
 * ANSI X12: reading and validating interchanges as a stream (StAEDI), mapping 850 purchase orders to
 * the canonical order, and writing functional (997) and interchange (TA1) acknowledgments.
 */
package io.edihub.x12;
