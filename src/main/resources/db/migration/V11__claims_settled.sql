-- Claims settled, credits issued, releases and orders closed (issue 15).

-- What became of the goods the customer rejected, and what was credited after invoicing, per release line. The
-- release line's quantities can only ever be: accepted + rejected <= shipped <= released <= ordered; invoiced <=
-- accepted + reaccepted (accepted at first or after all); reaccepted + replaced + returned + written_off + denied <=
-- rejected (each rejected unit settled once); credited <= invoiced.
alter table release_line add column reaccepted  numeric(19,4) not null default 0;
alter table release_line add column replaced    numeric(19,4) not null default 0;
alter table release_line add column returned    numeric(19,4) not null default 0;
alter table release_line add column written_off numeric(19,4) not null default 0;
alter table release_line add column denied      numeric(19,4) not null default 0;
alter table release_line add column credited    numeric(19,4) not null default 0;
alter table release_line drop constraint release_line_quantities;
alter table release_line add constraint release_line_quantities check (
    released >= 0 and shipped >= 0 and accepted >= 0 and rejected >= 0 and invoiced >= 0
    and reaccepted >= 0 and replaced >= 0 and returned >= 0 and written_off >= 0 and denied >= 0 and credited >= 0
    and released <= quantity and shipped <= released and accepted + rejected <= shipped
    and invoiced <= accepted + reaccepted
    and reaccepted + replaced + returned + written_off + denied <= rejected
    and credited <= invoiced);

-- what the watchdog reads of release lines, with what was accepted after all (and so is to be invoiced)
create or replace view release_line_overview as
select partner_id, release_id, due_date, shipped, accepted, rejected, invoiced, reaccepted
  from release_line;

-- a replacement release (4500012345-03-R1) names the release whose rejected goods it replaces; a release stays
-- open while a claim on it is open
alter table order_release add column replaces text;
alter table order_release add column open_claims integer not null default 0;
alter table order_release add constraint order_release_open_claims check (open_claims >= 0);

-- the invoice's lines, with what was credited on each: never more than the line billed
create table invoice_line (
    invoice           bigint        not null references invoice (id),
    line_number       text          not null,
    quantity          numeric(22,6) not null,
    unit              text,
    unit_price        numeric(19,6) not null,
    amount            numeric(48,6) not null,
    credited_quantity numeric(22,6) not null default 0,
    credited_amount   numeric(48,6) not null default 0,
    primary key (invoice, line_number),
    constraint invoice_line_credited check (credited_quantity >= 0 and credited_amount >= 0
        and credited_quantity <= quantity and credited_amount <= amount)
);
insert into invoice_line (invoice, line_number, quantity, unit, unit_price, amount)
select i.id, l ->> 'lineNumber', (l ->> 'quantity')::numeric, l ->> 'unit', (l ->> 'unitPrice')::numeric,
       (l ->> 'amount')::numeric
  from invoice i cross join lateral jsonb_array_elements(i.content -> 'lines') l;
alter table invoice add column credited numeric(48,6) not null default 0;
alter table invoice add constraint invoice_credited check (credited >= 0 and credited <= total);

-- credit note numbers per company, apart from the invoices'
create table credit_note_sequence (
    company         text    primary key,
    last_value      bigint  not null
);

-- one credit note per settlement, ever: the unique settlement key makes a crash or a replay harmless
create table credit_note (
    id                 bigserial     primary key,
    credit_note_number text          not null unique,
    company            text          not null,
    partner_id         text          not null,
    invoice            bigint        not null references invoice (id),
    claim_number       text          not null,
    settlement_key     text          not null unique,
    currency           char(3)       not null,
    total              numeric(48,6) not null check (total > 0),
    credit_date        date          not null,
    content            jsonb         not null,
    created_at         timestamptz   not null
);
create index credit_note_invoice on credit_note (invoice);

create table credit_note_line (
    credit_note     bigint        not null references credit_note (id),
    invoice         bigint        not null,
    line_number     text          not null,
    quantity        numeric(22,6),
    amount          numeric(48,6) not null check (amount > 0),
    primary key (credit_note, line_number),
    foreign key (invoice, line_number) references invoice_line (invoice, line_number)
);

-- Claims: one per (partner, what raised it, its reference, release), with lines; before invoicing (an acceptance's
-- returned and disputed goods) or after (an 812, a deduction on a payment, an operator). The claims of the first
-- version (one row per line, always OPEN) become claims with lines.
drop view claim_overview;
alter table claim rename to claim_v1;
alter index claim_release rename to claim_v1_release;
alter index claim_pkey rename to claim_v1_pkey;
alter sequence claim_id_seq rename to claim_v1_id_seq;
create table claim (
    id              bigserial     primary key,
    claim_number    text          not null unique,
    partner_id      text          not null,
    po_number       text          not null,
    release_id      text          not null,
    kind            text          not null check (kind in ('BEFORE_INVOICE', 'AFTER_INVOICE')),
    source          text          not null check (source in ('ACCEPTANCE', 'ADJUSTMENT', 'DEDUCTION', 'OPERATOR')),
    -- the acceptance id, the 812's number, the remittance trace number or the operator's key
    source_ref      text          not null,
    -- the event id on edihub.claims.v1, stable for a replay
    claim_key       text          not null unique,
    acceptance      bigint        references acceptance (id),
    invoice_number  text,
    currency        char(3),
    reason          text,
    condition       text,
    status          text          not null check (status in ('OPEN', 'SETTLING', 'SETTLED', 'DENIED')),
    raised_by       text          not null,
    raised_at       timestamptz   not null,
    ended_at        timestamptz,
    unique (partner_id, source, source_ref, release_id),
    check ((kind = 'AFTER_INVOICE') = (invoice_number is not null))
);
create index claim_release on claim (partner_id, release_id);
create index claim_open on claim (raised_at) where status in ('OPEN', 'SETTLING');

-- what is claimed per line (a quantity, an amount or both) and how much of it is decided: never more
create table claim_line (
    claim           bigint        not null references claim (id),
    line_number     text          not null,
    unit            text,
    unit_price      numeric(19,6),
    returned        numeric(22,6) not null default 0,
    disputed        numeric(22,6) not null default 0,
    quantity        numeric(22,6) not null default 0,
    amount          numeric(48,6),
    decided         numeric(22,6) not null default 0,
    decided_amount  numeric(48,6) not null default 0,
    primary key (claim, line_number),
    check (returned >= 0 and disputed >= 0 and quantity >= 0 and (amount is null or amount > 0) and decided >= 0
        and decided_amount >= 0 and decided <= quantity and decided_amount <= coalesce(amount, decided_amount)),
    check (quantity > 0 or amount is not null)
);

-- a person's decision on (part of) a claim; a replacement or return waits for the goods
create table claim_settlement (
    id                  bigserial     primary key,
    claim               bigint        not null references claim (id),
    settlement_key      text          not null unique,
    decision            text          not null check (decision in ('REPLACE', 'RETURN', 'ACCEPT_AFTER_ALL', 'WRITE_OFF',
                                                                   'CREDIT', 'DENY')),
    reason              text          not null,
    decided_by          text          not null,
    decided_at          timestamptz   not null,
    status              text          not null check (status in ('WAITING', 'DONE')),
    lines               jsonb         not null,
    replacement_release text,
    rma_number          text          unique,
    invoice_number      text,
    credit_note_number  text,
    loss                numeric(48,6),
    completed_at        timestamptz
);
create index claim_settlement_claim on claim_settlement (claim);
create index claim_settlement_replacement on claim_settlement (replacement_release) where status = 'WAITING';

-- every step of a claim, who and when
create table claim_event (
    id              bigserial     primary key,
    claim           bigint        not null references claim (id),
    at              timestamptz   not null,
    actor           text          not null,
    action          text          not null,
    detail          text          not null
);
create index claim_event_claim on claim_event (claim, id);

insert into claim (id, claim_number, partner_id, po_number, release_id, kind, source, source_ref, claim_key, acceptance,
                   condition, reason, status, raised_by, raised_at)
select min(c.id), 'CLM-' || lpad(min(c.id)::text, 8, '0'), c.partner_id, min(c.po_number), c.release_id,
       'BEFORE_INVOICE', 'ACCEPTANCE', a.acceptance_id, 'claim:' || c.partner_id || ':' || a.acceptance_id || ':' || c.release_id,
       c.acceptance, min(c.condition), min(c.reason), 'OPEN', 'hub', min(c.created_at)
  from claim_v1 c join acceptance a on a.id = c.acceptance
 group by c.partner_id, c.release_id, c.acceptance, a.acceptance_id;
insert into claim_line (claim, line_number, unit, unit_price, returned, disputed, quantity)
select n.id, c.line_number, (select l.unit from acceptance_line l where l.acceptance = c.acceptance
       and l.line_number = c.line_number), (select min(r.unit_price) from release_line r where r.partner_id = c.partner_id
       and r.release_id = c.release_id and r.line_number = c.line_number), c.returned, c.disputed, c.returned + c.disputed
  from claim_v1 c join claim n on n.acceptance = c.acceptance and n.release_id = c.release_id
   and n.partner_id = c.partner_id;
insert into claim_event (claim, at, actor, action, detail)
select id, raised_at, 'hub', 'RAISED', 'raised from acceptance ' || source_ref || ' (before this version recorded steps)'
  from claim;
update order_release r set open_claims = (select count(*) from claim c where c.partner_id = r.partner_id
   and c.release_id = r.release_id and c.status in ('OPEN', 'SETTLING'));
select setval(pg_get_serial_sequence('claim', 'id'), coalesce((select max(id) from claim), 0) + 1, false);
drop table claim_v1;

-- claims: what the timeline and the watchdog read
create view claim_overview as
select c.id, c.claim_number, c.partner_id, c.po_number, c.release_id, c.kind, c.source, c.source_ref, c.invoice_number,
       c.currency, c.status, c.condition, c.reason, c.raised_at, c.ended_at,
       (select string_agg('line ' || l.line_number || ' '
                          || case when l.quantity > 0 then trim(trailing '.' from trim(trailing '0' from l.quantity::text))
                                  else '' end
                          || case when l.amount is not null then ' ' || l.amount::text else '' end, ', '
                          order by l.line_number)
          from claim_line l where l.claim = c.id) as lines
  from claim c;

-- returned goods arriving back (edihub.returns.v1), as they came
create table goods_return (
    id              bigserial     primary key,
    return_id       text,
    rma_number      text,
    status          text          not null check (status in ('APPLIED', 'DUPLICATE', 'EXCEPTION')),
    error           text,
    payload         text          not null,
    received_at     timestamptz   not null
);
create unique index goods_return_applied on goods_return (return_id) where status = 'APPLIED';
