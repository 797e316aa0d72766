-- Consolidated invoices (issue 19): a partner invoiced monthly gets one invoice per PO (or per contract) and calendar
-- month for everything accepted in it, issued on a day of the next month. Both kinds keep their guarantees:
--   an acceptance is billed by one invoice at most, ever (invoice_acceptance: the acceptance is its key);
--   a per-acceptance invoice bills one acceptance of one release, as before;
--   a consolidated invoice is made once per partner, PO or contract, and month (a second run finds it);
--   each invoice line names the release and the PO line it bills, and release_line's CHECK keeps invoiced <= accepted.
alter table invoice add column kind text not null default 'ACCEPTANCE';
alter table invoice alter column acceptance drop not null;
alter table invoice alter column release_id drop not null;
alter table invoice alter column po_number drop not null;
-- what a consolidated invoice gathers: 'po:<number>' or 'contract:<number>', and the first day of its month
alter table invoice add column consolidates text;
alter table invoice add column period date;
alter table invoice add constraint invoice_kind check (
    (kind = 'ACCEPTANCE' and acceptance is not null and release_id is not null and po_number is not null
        and consolidates is null and period is null)
    or (kind = 'CONSOLIDATED' and acceptance is null and consolidates is not null and period is not null));
create unique index invoice_consolidated on invoice (partner_id, consolidates, period) where kind = 'CONSOLIDATED';

-- which invoice billed each acceptance: one at most, whichever kind
create table invoice_acceptance (
    acceptance  bigint  primary key references acceptance (id),
    invoice     bigint  not null references invoice (id)
);
insert into invoice_acceptance (acceptance, invoice) select acceptance, id from invoice;
create index invoice_acceptance_invoice on invoice_acceptance (invoice);

-- each invoice line names what it bills: the release, the PO and the PO line (on a per-acceptance invoice the line
-- number is the PO line's; a consolidated invoice numbers its lines 1, 2, ... and says per line which release's PO
-- line it bills)
alter table invoice_line add column release_id text;
alter table invoice_line add column po_number text;
alter table invoice_line add column po_line text;
update invoice_line l set release_id = i.release_id, po_number = i.po_number, po_line = l.line_number
  from invoice i where i.id = l.invoice;
alter table invoice_line alter column release_id set not null;
alter table invoice_line alter column po_number set not null;
alter table invoice_line alter column po_line set not null;
-- one release's PO line at most once per invoice
alter table invoice_line add constraint invoice_line_release_line unique (invoice, release_id, po_line);
create index invoice_line_release on invoice_line (release_id);

-- the views bill per line by its release and PO line (the contract statement matches them to deliveries); a view
-- grows at its end only: the invoice's own line number comes last
create or replace view invoice_line_overview as
select i.partner_id, i.invoice_number, l.release_id, l.po_number, i.invoice_date, i.currency, l.po_line as line_number,
       l.quantity, l.unit, l.unit_price, l.amount, l.credited_quantity, l.credited_amount, l.line_number as invoice_line
  from invoice_line l join invoice i on i.id = l.invoice;

create or replace view invoice_overview as
select id, invoice_number, partner_id, po_number, release_id, currency, total, due_date, created_at,
       invoice_date, credited, paid, discount, deducted, total - paid - credited - discount - deducted as open_balance,
       terms_from, discount_date, discount_allowed, kind
  from invoice;

-- what each release was billed on each invoice, for the pages that show a release's or a PO's money: a consolidated
-- invoice bills several releases, each its lines' amounts; what was paid on it counts for each release by its share
create view invoice_release_overview as
select i.id as invoice_id, i.partner_id, i.invoice_number, l.po_number, l.release_id, i.currency, i.kind,
       sum(l.amount) as amount, sum(l.credited_amount) as credited,
       case when i.total = 0 then 0 else i.paid * sum(l.amount) / i.total end as paid,
       i.invoice_date, i.due_date, i.created_at
  from invoice_line l join invoice i on i.id = l.invoice
 group by i.id, l.po_number, l.release_id;
