/**
 * ANSI X12: reading and validating interchanges as a stream (StAEDI for the envelope and the tokens, each set's
 * schema compiled into a table walked on the events, StAEDI's schema validation for a set the table doubts);
 * mapping 850 purchase orders and 860
 * changes to the canonical order, 861 receiving advices to acceptances, 812 credit/debit adjustments to
 * adjustments, 820 payment orders / remittance advices to remittances, and the 997s partners send about our documents; writing functional (997) and interchange (TA1)
 * acknowledgments, and 855 order acknowledgments, 856 ship notices, 810 invoices and credit memos, 812 credit
 * memos, 180 return authorizations and 824 application advices (claim denials) from the canonical records the
 * business modules build, each checked by StAEDI against our own schema.
 *
 * <p>Owns the table {@code control_number}. May use {@code canonical} and {@code partner} only: it knows no
 * business module.
 */
@ApplicationModule(displayName = "ANSI X12", allowedDependencies = {"canonical", "partner"})
package io.edihub.x12;

import org.springframework.modulith.ApplicationModule;
