-- Dead letters: every input whose processing failed for a technical reason (database, a bug), kept with
-- what is needed to replay it through today's routes, and every replay with who, when and why.

-- one row per input (source + body hash): a repeated failure of the same input counts attempts on it
create table dead_letter (
    id               bigserial   primary key,
    -- the route the input came in on (receiveOrders-acme, receiveShipments, postOrder ...)
    route_id         text        not null,
    -- the direct: endpoint of the processing the source uses, where a replay sends it; null: not replayable
    entry_point      text,
    -- channel and where: "sftp acme inbound/x.edi", "kafka edihub.shipments.v1 partition 0 offset 42"
    source           text        not null,
    partner_id       text,
    -- the headers a replay restores (file name, partner, Kafka key, content type, caller ...)
    headers          jsonb       not null,
    body             bytea       not null,
    sha256           char(64)    not null,
    error_class      text        not null,
    error_message    text,
    stack_trace      text,
    first_failed_at  timestamptz not null,
    last_failed_at   timestamptz not null,
    attempts         integer     not null,
    -- RETRYING (the source still retries it) | RECOVERED (a retry went through) | PARKED (given up on:
    -- waits for an operator) | REPLAYED | DISCARDED
    status           text        not null,
    updated_at       timestamptz not null
);
-- an input that is failing again is the same row, unless it was replayed or discarded meanwhile
create unique index dead_letter_open on dead_letter (source, sha256) where status in ('RETRYING', 'PARKED');
create index dead_letter_status on dead_letter (status, id);
create index dead_letter_partner on dead_letter (partner_id, id);

create table dead_letter_replay (
    id                bigserial   primary key,
    dead_letter_id    bigint      not null references dead_letter (id),
    replayed_by       text        not null,
    replayed_at       timestamptz not null,
    reason            text        not null check (length(trim(reason)) > 0),
    bypass_duplicates boolean     not null,
    -- PROCESSED | DUPLICATE | REFUSED | FAILED, or DISCARDED: an operator's decision not to process it
    outcome           text        not null,
    detail            text,
    -- the inbound document the replay became, if it got that far
    document_id       bigint      references inbound_document (id)
);
create index dead_letter_replay_letter on dead_letter_replay (dead_letter_id, id);
