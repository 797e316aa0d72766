-- What the operator's desk and the customer's portal (io.edihub.desk) read of the order module's tables: an order's
-- date, currency and value at contract prices for the lists, and each release line's ordered quantity and price for
-- the release table. A view can only grow at its end, so the new columns follow the old ones.
create or replace view order_overview as
select id, partner_id, po_number, status, document_id, contract_number,
       release_number, order_date, currency, value, created_at, updated_at
  from purchase_order;

create or replace view release_line_overview as
select partner_id, release_id, due_date, shipped, accepted, rejected, invoiced, reaccepted,
       line_number, quantity, unit, unit_price, released, credited
  from release_line;

-- The operations module's work waiting for a person, counted per partner on the desk's home.
create view alert_overview as
select id, partner_id, po_number, kind, subject, case when closed_at is null then 'OPEN' else 'CLOSED' end as status,
       since, raised_at
  from alert;

create view dead_letter_overview as
select id, partner_id, route_id, status, last_failed_at
  from dead_letter;

-- The desk's lists: the orders newest first, and each partner's last document in and out.
create index purchase_order_newest on purchase_order (created_at desc, id desc);
create index inbound_document_partner on inbound_document (partner_id, id);
create index outbound_document_written on outbound_document (partner_id, written_at) where written_at is not null;
