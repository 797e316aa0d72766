-- Operations views: what the operations modules (ops: each PO's timeline, the watchdog, dead-letter replays;
-- monitoring: the business metrics) read of other modules' data. Each module owns its tables; the views are
-- what it publishes of them, read-only, with only the columns those readers need, named as in the table. Each
-- view reads its own module's tables only, and its package-info.java names it ("Publishes the views ...").
-- Plain views: PostgreSQL expands them into the query that reads them, so a condition on a view uses the
-- indexes of the table under it, and a computed column nobody selects is never computed.

-- intake: every input received, with the first bytes of its content (what the timeline tells its type from)
-- instead of the content itself
create view inbound_document_overview as
select id, partner_id, channel, file_name, format, received_at, outcome, error_report,
       substring(content from 1 for 512) as content_head
  from inbound_document;

-- outbound: what we sent, the order and release it concerns, and the partner's 997 verdict on it
create view outbound_document_overview as
select id, partner_id, kind, file_name, control_number, group_control_number, po_number, release_id,
       inbound_document_id, created_at, written_at, acknowledged
  from outbound_document;

-- outbound: the messages committed to the outbox and not yet acknowledged by the broker (the outbox's partial
-- index on unsent rows serves it)
create view outbox_backlog as
select topic, created_at
  from outbox_message
 where sent_at is null;

-- order: each order (a PO, or a release of a blanket order), where it stands and the document it came in
create view order_overview as
select id, partner_id, po_number, status, document_id
  from purchase_order;

-- order: every order document taken or refused for a PO, and the order it applied to (if any)
create view order_revision_overview as
select partner_id, po_number, order_id, document_id
  from order_revision;

-- order: what happened to an order, in order; alert = true asks the operator to look
create view order_event_overview as
select id, partner_id, po_number, document_id, kind, detail, alert, at
  from order_event;

-- order: the orders held for a person's decision and since when: the first hold after the last decision (a
-- change to a held order does not restart it), or the order's last change where no hold event says
create view held_order as
select o.id, o.partner_id, o.po_number, o.release_number,
       coalesce(h.since, o.updated_at, o.created_at) as held_since
  from purchase_order o
  left join lateral (select min(e.at) as since
                       from order_event e
                      where e.order_id = o.id and e.kind = 'HELD'
                        and e.at > coalesce((select max(d.decided_at) from order_decision d where d.order_id = o.id),
                                            '-infinity')) h on true
 where o.status = 'HELD';

-- order: each monthly release and where it stands
create view release_overview as
select partner_id, release_id, order_id, month, status, created_at, updated_at, dispatched_at
  from order_release;

-- order: per release and order line, when it is due and how much of it was shipped, accepted, rejected, invoiced
create view release_line_overview as
select partner_id, release_id, due_date, shipped, accepted, rejected, invoiced
  from release_line;

-- fulfillment: every shipment event read, with what became of it and the quantity its lines shipped
create view shipment_overview as
select s.id, s.shipment_id, s.partner_id, s.release_id, s.status, s.carrier, s.tracking_number, s.error,
       s.received_at, (select sum(l.quantity) from shipment_line l where l.shipment = s.id) as quantity
  from shipment s;

-- billing: each acceptance of a release, and per line what it accepted, returned and disputed
create view acceptance_overview as
select id, partner_id, acceptance_id, po_number, release_id, implicit, document_id, received_at
  from acceptance;

create view acceptance_line_overview as
select acceptance, accepted, returned, disputed
  from acceptance_line;

-- billing: the invoices issued and the claims for what was returned or disputed
create view invoice_overview as
select id, invoice_number, partner_id, po_number, release_id, currency, total, due_date, created_at
  from invoice;

create view claim_overview as
select id, partner_id, po_number, release_id, line_number, returned, disputed, condition, reason, status, created_at
  from claim;
