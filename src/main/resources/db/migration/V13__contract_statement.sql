-- The contract statement (issue 16): what cash reads of orders to state a contract's quantities per part. Each view
-- reads its own module's tables only (see V10).

-- order: the contract each order was placed under (BEG06 / REF CT), null when the order named none
create or replace view order_overview as
select id, partner_id, po_number, status, document_id, contract_number
  from purchase_order;

-- order: every release line with the order line it schedules (our part, the customer's, the line's quantity, which
-- the contract's quantity breaks read) and the order's contract; replacement marks a release that replaces goods
-- rejected on another
create view release_line_part_overview as
select r.partner_id, r.release_id, r.line_number, r.due_date, r.quantity, r.unit, r.unit_price, r.released, r.shipped,
       r.accepted, r.rejected, r.invoiced, r.reaccepted, r.credited, o.id as order_id, o.po_number, o.contract_number,
       l.vendor_part, l.buyer_part, l.description, l.quantity as line_quantity, x.replaces is not null as replacement
  from release_line r
  join order_release x on x.partner_id = r.partner_id and x.release_id = r.release_id
  join purchase_order o on o.id = x.order_id
  left join order_line l on l.order_id = o.id and l.line_number = r.line_number;
