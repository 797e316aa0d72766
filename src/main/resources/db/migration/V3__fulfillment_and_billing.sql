-- Fulfillment and billing: the transactional outbox for Kafka, release requests, shipments, acceptances,
-- invoices, claims, and the 997s partners send about what we sent them.

-- what we publish to Kafka, written in the same transaction as the state change it reports; a publisher
-- sends it with an idempotent producer and marks it sent only after the broker acknowledged it
create table outbox_message (
    id              bigserial   primary key,
    -- the CloudEvents id (ce_id): derived from the business key, so a retry or a replay sends the same id
    message_id      text        not null unique,
    topic           text        not null,
    message_key     text        not null,
    type            text        not null,
    payload         text        not null,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    -- a publisher holds the rows it is sending until then, so two hub instances never send the same batch
    claimed_until   timestamptz,
    last_error      text
);
create index outbox_message_pending on outbox_message (next_attempt_at, id) where sent_at is null;

alter table order_release add column dispatched_at timestamptz;
alter table order_release add column updated_at timestamptz;

-- every shipment event read from Kafka, as it came, with what became of it
create table shipment (
    id              bigserial   primary key,
    shipment_id     text,
    partner_id      text,
    release_id      text,
    ship_date       date,
    carrier         text,
    tracking_number text,
    -- APPLIED | DUPLICATE | EXCEPTION
    status          text        not null,
    error           text,
    payload         text        not null,
    sha256          char(64)    not null,
    topic_partition text,
    received_at     timestamptz not null
);
create unique index shipment_applied on shipment (shipment_id) where status = 'APPLIED';
create index shipment_release on shipment (partner_id, release_id);
create index shipment_exception on shipment (received_at) where status = 'EXCEPTION';

create table shipment_line (
    shipment        bigint        not null references shipment (id),
    line_number     text          not null,
    quantity        numeric(22,6) not null,
    unit            text
);

-- the customer's acceptance of a release: one row per (acceptance document, release), taken once
create table acceptance (
    id              bigserial   primary key,
    partner_id      text        not null,
    acceptance_id   text        not null,
    po_number       text        not null,
    release_id      text        not null,
    accepted_on     date        not null,
    implicit        boolean     not null default false,
    document_id     bigint      references inbound_document (id),
    source          jsonb,
    received_at     timestamptz not null,
    unique (partner_id, acceptance_id, release_id)
);

create table acceptance_line (
    acceptance      bigint        not null references acceptance (id),
    line_number     text          not null,
    accepted        numeric(22,6) not null,
    returned        numeric(22,6) not null,
    disputed        numeric(22,6) not null,
    unit            text,
    condition       text,
    reason          text,
    primary key (acceptance, line_number)
);

-- invoice numbers per company (the legal entity that bills), one row lock per number
create table invoice_sequence (
    company         text    primary key,
    last_value      bigint  not null
);

-- one invoice per acceptance, ever: the unique acceptance column is what makes a crash or replay harmless
create table invoice (
    id              bigserial     primary key,
    invoice_number  text          not null unique,
    company         text          not null,
    partner_id      text          not null,
    acceptance      bigint        not null unique references acceptance (id),
    po_number       text          not null,
    release_id      text          not null,
    currency        char(3)       not null,
    total           numeric(48,6) not null,
    invoice_date    date          not null,
    due_date        date          not null,
    content         jsonb         not null,
    created_at      timestamptz   not null
);
create index invoice_release on invoice (partner_id, release_id);

-- returned and disputed quantities: open until someone settles them
create table claim (
    id              bigserial     primary key,
    partner_id      text          not null,
    release_id      text          not null,
    po_number       text          not null,
    acceptance      bigint        not null references acceptance (id),
    line_number     text          not null,
    returned        numeric(22,6) not null,
    disputed        numeric(22,6) not null,
    condition       text,
    reason          text,
    -- OPEN | SETTLED
    status          text          not null,
    created_at      timestamptz   not null
);
create index claim_release on claim (partner_id, release_id, status);

-- the group control number (GS06) of what we sent, so a partner's 997 can be matched to it
alter table outbound_document add column group_control_number text;
-- AK901 of the partner's 997: A, E, P, R ...; null until one came
alter table outbound_document add column acknowledged text;
create index outbound_document_group on outbound_document (partner_id, group_control_number);

create table received_acknowledgment (
    id                   bigserial   primary key,
    partner_id           text        not null,
    document_id          bigint      not null references inbound_document (id),
    functional_id        text        not null,
    group_control_number text        not null,
    group_status         text        not null,
    outbound_document_id bigint      references outbound_document (id),
    detail               jsonb       not null,
    received_at          timestamptz not null
);

-- release lines are updated one by one as goods ship and are accepted; the quantities can only ever be
-- invoiced <= accepted, accepted + rejected <= shipped <= released <= ordered, and the database says so too
alter table release_line add column id bigserial;
alter table release_line add primary key (id);
alter table release_line add constraint release_line_quantities check (
    released >= 0 and shipped >= 0 and accepted >= 0 and rejected >= 0 and invoiced >= 0
    and released <= quantity and shipped <= released and accepted + rejected <= shipped and invoiced <= accepted);
