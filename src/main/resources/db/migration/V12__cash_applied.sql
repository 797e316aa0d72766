-- Cash applied: remittances matched to invoices, deductions raised, the payment clock (issue 16).

-- Per invoice, where its money stands. Every invoice amount is in exactly one place:
--   paid + credited + discount + deducted + open balance = total
-- paid: cash applied to it; discount: early-payment discount earned; deducted: what the customer withheld and a
-- deduction claim holds open (moved to credited when the claim is credited, back to the open balance when denied).
alter table invoice add column paid      numeric(48,6) not null default 0;
alter table invoice add column discount  numeric(48,6) not null default 0;
alter table invoice add column deducted  numeric(48,6) not null default 0;
alter table invoice add constraint invoice_balance check (paid >= 0 and discount >= 0 and deducted >= 0
    and paid + credited + discount + deducted <= total);
-- the payment clock, from the contract: the day the terms run from (the invoice's day, the acceptance's day or the
-- later of both), the last day the discount may be taken and the discount it allows (null: the terms have none)
alter table invoice add column acceptance_date   date;
alter table invoice add column terms_from        date;
alter table invoice add column discount_date     date;
alter table invoice add column discount_allowed  numeric(48,6);
update invoice set terms_from = invoice_date;
alter table invoice add constraint invoice_discount_allowed check (discount_allowed is null
    or (discount_allowed >= 0 and discount_allowed <= total));

-- a release stays open while one of its invoices has anything open (balance or deduction)
alter table order_release add column unpaid_invoices integer not null default 0;
alter table order_release add constraint order_release_unpaid_invoices check (unpaid_invoices >= 0);
update order_release r set unpaid_invoices = (select count(*) from invoice i
    where i.partner_id = r.partner_id and i.release_id = r.release_id and i.credited < i.total);

-- what billing shows of its invoices: with where their money stands
create or replace view invoice_overview as
select id, invoice_number, partner_id, po_number, release_id, currency, total, due_date, created_at,
       invoice_date, credited, paid, discount, deducted, total - paid - credited - discount - deducted as open_balance,
       terms_from, discount_date, discount_allowed
  from invoice;

-- the invoice lines as billed, for the contract statement (per part)
create view invoice_line_overview as
select i.partner_id, i.invoice_number, i.release_id, i.po_number, i.invoice_date, i.currency, l.line_number,
       l.quantity, l.unit, l.unit_price, l.amount, l.credited_quantity, l.credited_amount
  from invoice_line l join invoice i on i.id = l.invoice;

-- One customer payment (an 820, or its JSON / CSV form): its trace number is taken once per partner. What it paid
-- is either applied to invoices or unapplied cash on the partner's account, never both, never lost:
--   applied + unapplied = total
create table payment (
    id              bigserial     primary key,
    partner_id      text          not null,
    trace_number    text          not null,
    total           numeric(48,6) not null,
    currency        char(3)       not null,
    method          text,
    payment_date    date          not null,
    -- the inbound document it came in (intake's), null when posted over HTTP
    document        bigint,
    channel         text          not null,
    applied         numeric(48,6) not null,
    unapplied       numeric(48,6) not null,
    content         jsonb         not null,
    received_at     timestamptz   not null,
    received_by     text          not null,
    unique (partner_id, trace_number),
    constraint payment_amounts check (total > 0 and applied >= 0 and unapplied >= 0 and applied + unapplied = total)
);
create index payment_unapplied on payment (partner_id) where unapplied > 0;

-- what each remittance line came to
create table payment_line (
    payment         bigint        not null references payment (id),
    line_no         integer       not null,
    invoice_number  text          not null,
    paid            numeric(48,6) not null,
    discount_taken  numeric(48,6) not null,
    invoice_amount  numeric(48,6),
    -- PAID | PARTIALLY_PAID | OVERPAID | UNKNOWN_INVOICE
    outcome         text          not null,
    applied         numeric(48,6) not null,
    discount        numeric(48,6) not null,
    deducted        numeric(48,6) not null,
    unapplied       numeric(48,6) not null,
    claim_number    text,
    reason          text,
    message         text          not null,
    primary key (payment, line_no),
    constraint payment_line_amounts check (paid >= 0 and discount_taken >= 0 and applied >= 0 and discount >= 0
        and deducted >= 0 and unapplied >= 0 and applied + unapplied = paid)
);

-- every movement of cash onto or off an invoice: a remittance line, an operator's application of unapplied cash, or
-- cash given back to the account when a credit note lands on an invoice already paid (negative). The key makes each
-- one happen once.
create table payment_application (
    id              bigserial     primary key,
    application_key text          not null unique,
    payment         bigint        not null references payment (id),
    partner_id      text          not null,
    invoice_number  text          not null,
    amount          numeric(48,6) not null,
    discount        numeric(48,6) not null default 0,
    -- REMITTANCE | OPERATOR | CREDIT_RETURN
    kind            text          not null,
    actor           text          not null,
    note            text,
    applied_at      timestamptz   not null,
    constraint payment_application_amount check (amount <> 0 or discount <> 0)
);
create index payment_application_invoice on payment_application (partner_id, invoice_number);

-- what the watchdog, the timeline and the statement read of payments
create view payment_overview as
select id, partner_id, trace_number, total, currency, method, payment_date, channel, applied, unapplied, received_at
  from payment;
create view payment_application_overview as
select a.id, a.partner_id, a.invoice_number, a.amount, a.discount, a.kind, a.applied_at, p.trace_number, p.payment_date
  from payment_application a join payment p on p.id = a.payment;
