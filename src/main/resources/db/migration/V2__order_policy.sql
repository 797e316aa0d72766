-- Order policy: revisions (business-key duplicates), contract reviews, holds and decisions, and the
-- order's own timeline (events, some of which are alerts for the operator).

-- OPEN | HELD | REJECTED | CANCELLED
alter table purchase_order add column updated_at timestamptz;
alter table purchase_order add column value numeric(48,6);

-- every order document taken for a PO: the original, each change, replacement and cancellation.
-- revision_key is the sender's revision (r:<revision>) or, for formats that carry none, the digest of
-- the message's content, so the same change sent twice is seen as a duplicate and never applied twice.
create table order_revision (
    id              bigserial   primary key,
    partner_id      text        not null,
    po_number       text        not null,
    release_number  text        not null default '',
    revision_key    text        not null,
    purpose         text        not null,
    order_id        bigint      references purchase_order (id) on delete cascade,
    document_id     bigint      not null references inbound_document (id),
    outcome         text        not null,
    message         jsonb       not null,
    received_at     timestamptz not null
);
-- a sender's revision is used once; a content key only counts against the last document taken (the
-- same content may come back later on purpose: 100, then 200, then 100 again)
create unique index order_revision_key on order_revision (partner_id, po_number, release_number, revision_key)
    where revision_key like 'r:%' or revision_key = 'original';
create index order_revision_po on order_revision (partner_id, po_number, release_number, id);

-- the contract check of each revision: verdict, findings, value at contract prices
create table order_review (
    id              bigserial     primary key,
    order_id        bigint        not null references purchase_order (id) on delete cascade,
    revision_id     bigint        references order_revision (id) on delete cascade,
    verdict         text          not null,
    findings        jsonb         not null,
    value           numeric(48,6) not null,
    reviewed_at     timestamptz   not null
);
create index order_review_order on order_review (order_id, reviewed_at);

-- a person's decision on a held order: who, when, what and why
create table order_decision (
    id              bigserial   primary key,
    order_id        bigint      not null references purchase_order (id) on delete cascade,
    decision        text        not null,
    decided_by      text        not null,
    decided_at      timestamptz not null,
    comment         text
);
create index order_decision_order on order_decision (order_id);

-- what happened to an order, in order; alert = true asks the operator to look
create table order_event (
    id              bigserial   primary key,
    partner_id      text        not null,
    po_number       text        not null,
    order_id        bigint      references purchase_order (id) on delete cascade,
    document_id     bigint      references inbound_document (id),
    kind            text        not null,
    detail          text        not null,
    alert           boolean     not null default false,
    at              timestamptz not null
);
create index order_event_po on order_event (partner_id, po_number, at);
create index order_event_alert on order_event (at) where alert;

-- JSON and CSV quantities and prices have up to 15 digits before the point and 6 after; values are
-- products and sums of them
alter table order_line alter column quantity type numeric(22,6);
alter table order_line alter column unit_price type numeric(22,6);
alter table schedule_line alter column quantity type numeric(22,6);
alter table release_line alter column quantity type numeric(22,6);
alter table release_line alter column unit_price type numeric(22,6);
alter table release_line alter column released type numeric(22,6);
alter table release_line alter column shipped type numeric(22,6);
alter table release_line alter column accepted type numeric(22,6);
alter table release_line alter column rejected type numeric(22,6);
alter table release_line alter column invoiced type numeric(22,6);

-- JSON acknowledgments have no X12 control number; an 855 after a decision answers no inbound file
alter table outbound_document alter column control_number drop not null;
