-- The per-PO lifecycle view: what we sent is found by the order and release it concerns, not by file name.
alter table outbound_document add column po_number text;
alter table outbound_document add column release_id text;
create index outbound_document_po on outbound_document (partner_id, po_number) where po_number is not null;

-- documents sent before this migration: the order and release are in the file names the hub gave them
-- (810-<control>-<invoice>.x12, 856-<control>-<release>.x12, 855-<control>-for-<po>.x12); the key is cut out of
-- the name so that each join is an equality PostgreSQL can hash
update outbound_document o set po_number = i.po_number, release_id = i.release_id
  from invoice i
 where o.kind = '810' and o.partner_id = i.partner_id
   and i.invoice_number = substring(o.file_name from '^810-[0-9]+-(.*)\.x12$');
update outbound_document o set po_number = p.po_number, release_id = r.release_id
  from order_release r join purchase_order p on p.id = r.order_id
 where o.kind = '856' and o.partner_id = r.partner_id
   and regexp_replace(r.release_id, '[^0-9A-Za-z-]', '', 'g') = substring(o.file_name from '^856-[0-9]+-(.*)\.x12$');
update outbound_document o set po_number = p.po_number
  from purchase_order p
 where o.kind = '855' and o.partner_id = p.partner_id
   and regexp_replace(p.po_number, '[^0-9A-Za-z-]', '', 'g') = substring(o.file_name from '^855-[0-9]+-for-(.*)\.x12$');

-- the timeline's other sources are read by PO too
create index acceptance_po on acceptance (partner_id, po_number);
create index claim_po on claim (partner_id, po_number);
create index invoice_po on invoice (partner_id, po_number);
