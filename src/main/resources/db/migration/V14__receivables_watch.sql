-- Receivables watched (issue 16): the watchdog says how much a deduction withheld. A claim's amount is the sum of
-- its lines' amounts (null for a claim of quantities only); appended, as a replaced view may only add columns.
create or replace view claim_overview as
select c.id, c.claim_number, c.partner_id, c.po_number, c.release_id, c.kind, c.source, c.source_ref, c.invoice_number,
       c.currency, c.status, c.condition, c.reason, c.raised_at, c.ended_at,
       (select string_agg('line ' || l.line_number || ' '
                          || case when l.quantity > 0 then trim(trailing '.' from trim(trailing '0' from l.quantity::text))
                                  else '' end
                          || case when l.amount is not null then ' ' || l.amount::text else '' end, ', '
                          order by l.line_number)
          from claim_line l where l.claim = c.id) as lines,
       (select sum(l.amount) from claim_line l where l.claim = c.id) as amount
  from claim c;
