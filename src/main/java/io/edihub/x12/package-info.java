/**
 * ANSI X12: reading and validating interchanges as a stream (StAEDI); mapping 850 purchase orders and 860
 * changes to the canonical order, 861 receiving advices to acceptances, and the 997s partners send about
 * our documents; writing functional (997) and interchange (TA1) acknowledgments, 855 order
 * acknowledgments, 856 ship notices and 810 invoices, each checked by StAEDI against our own schema.
 */
package io.edihub.x12;
