-- Who writes a stored outbound document to the partner's folder. The intake route writes the answers to an input
-- (997, 999, TA1, CONTRL, RESPONSE) beside it, before the input is moved (INTAKE). The delivery route writes the
-- rest (DELIVERY). An 855 for an order of an input waits (WAITING) until that input's answers are written, and then
-- goes by the delivery route: the partner gets the 997 first, and a file of tens of thousands of orders never has
-- its 855s held in memory to be written one by one.
alter table outbound_document add column written_by text not null default 'DELIVERY'
    check (written_by in ('INTAKE', 'WAITING', 'DELIVERY'));
update outbound_document set written_by = 'INTAKE' where inbound_document_id is not null;
create index outbound_document_undelivered on outbound_document (id) where written_at is null and written_by = 'DELIVERY';
create index outbound_document_answers on outbound_document (inbound_document_id) where inbound_document_id is not null;
