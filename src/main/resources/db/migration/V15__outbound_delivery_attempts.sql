-- Outbound delivery in batches: a document is marked as being delivered (one statement per batch) before its first
-- write. A document never tried is written without looking whether its name is in outbound/ yet; one tried before
-- (a crash, a failed write) is written only if its name is not there already, so the partner never gets it twice.
alter table outbound_document add column delivery_attempted_at timestamptz;
