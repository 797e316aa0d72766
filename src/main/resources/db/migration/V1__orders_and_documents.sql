-- EDI Hub schema, first slice: inbound documents, interchanges, orders with schedules and monthly
-- releases, outbound acknowledgments and control numbers.

-- every input file, kept byte for byte: nothing a customer sent is ever lost
create table inbound_document (
    id              bigserial primary key,
    partner_id      text        not null,
    channel         text        not null,
    file_name       text        not null,
    sha256          char(64)    not null,
    size_bytes      bigint      not null,
    content         bytea       not null,
    received_at     timestamptz not null,
    -- ACCEPTED | PARTIALLY_ACCEPTED | REJECTED
    outcome         text        not null,
    error_report    text,
    -- set once the input was moved out of inbound/ and its acknowledgments written; until then the same
    -- file (name and bytes) seen again is a crash being recovered, and resumes instead of running twice
    completed_at    timestamptz
);
create index inbound_document_resume on inbound_document (partner_id, file_name, sha256) where completed_at is null;

-- interchanges taken, for duplicate detection within the partner's window (sender, ISA13)
create table interchange_receipt (
    id              bigserial primary key,
    partner_id      text        not null,
    control_number  char(9)     not null,
    document_id     bigint      not null references inbound_document (id),
    received_at     timestamptz not null
);
create index interchange_receipt_lookup on interchange_receipt (partner_id, control_number, received_at);

create table purchase_order (
    id                  bigserial primary key,
    partner_id          text        not null,
    po_number           text        not null,
    -- the customer's release number of a release against a blanket order (BEG04), '' otherwise
    release_number      text        not null default '',
    purpose             text        not null,
    order_type          text,
    order_date          date        not null,
    requested_delivery  date,
    currency            char(3)     not null,
    contract_number     text,
    status              text        not null,
    -- the month numbered -01 (first day of it): fixed when the order is first accepted
    sequence_anchor     date,
    document_id         bigint      not null references inbound_document (id),
    interchange_control_number  text,
    group_control_number        text,
    transaction_control_number  text,
    -- the canonical order as received, for the record and for replays
    canonical           jsonb       not null,
    created_at          timestamptz not null,
    unique (partner_id, po_number, release_number)
);

create table order_line (
    order_id        bigint        not null references purchase_order (id) on delete cascade,
    line_number     text          not null,
    buyer_part      text,
    vendor_part     text,
    description     text,
    quantity        numeric(19,4) not null,
    unit            text,
    unit_price      numeric(19,6),
    primary key (order_id, line_number)
);

create table schedule_line (
    id              bigserial     primary key,
    order_id        bigint        not null references purchase_order (id) on delete cascade,
    line_number     text          not null,
    quantity        numeric(19,4) not null,
    unit            text,
    delivery_date   date          not null,
    reference       text
);
create index schedule_line_order on schedule_line (order_id, line_number);

create table order_release (
    partner_id      text        not null,
    release_id      text        not null,
    order_id        bigint      not null references purchase_order (id) on delete cascade,
    month           date        not null,
    status          text        not null,
    created_at      timestamptz not null,
    primary key (partner_id, release_id)
);
create index order_release_order on order_release (order_id);
create index order_release_month on order_release (month, status);

-- per release and order line: what was asked, released, shipped, accepted, rejected and invoiced
create table release_line (
    partner_id      text          not null,
    release_id      text          not null,
    line_number     text          not null,
    due_date        date          not null,
    quantity        numeric(19,4) not null,
    unit            text,
    unit_price      numeric(19,6),
    released        numeric(19,4) not null default 0,
    shipped         numeric(19,4) not null default 0,
    accepted        numeric(19,4) not null default 0,
    rejected        numeric(19,4) not null default 0,
    invoiced        numeric(19,4) not null default 0,
    foreign key (partner_id, release_id) references order_release (partner_id, release_id) on delete cascade
);
create index release_line_release on release_line (partner_id, release_id);

-- what we send back (997 / TA1 now, 855 / 856 / 810 later): stored in the same transaction as the
-- effects it reports, written to the partner's outbound folder after the commit
create table outbound_document (
    id                  bigserial   primary key,
    partner_id          text        not null,
    kind                text        not null,
    control_number      char(9)     not null,
    file_name           text        not null,
    content             text        not null,
    inbound_document_id bigint      references inbound_document (id),
    created_at          timestamptz not null,
    written_at          timestamptz,
    unique (partner_id, file_name)
);

-- our outbound control numbers per partner and kind; one row lock per increment keeps them unique
create table control_number (
    partner_id      text    not null,
    kind            text    not null,
    last_value      bigint  not null,
    primary key (partner_id, kind)
);
