-- Alerts with a lifecycle: every alert is a row that is open until its cause goes away (the watchdog closes
-- its own) or an operator closes it, saying why. The alert key is the identity of the condition
-- (ACK_OVERDUE:acme:IN:000000123, NOT_SHIPPED:acme:4500012345-01); a one-off alert gets a key of its own.

create table alert (
    id              bigserial   primary key,
    alert_key       text        not null,
    kind            text        not null,
    subject         text,
    partner_id      text,
    po_number       text,
    -- the order the alert is about, for its timeline; no foreign key: an alert outlives what it was about
    order_id        bigint,
    detail          text        not null,
    -- since when the condition holds (the 855 was sent, the order was held, the release shipped ...)
    since           timestamptz not null,
    raised_at       timestamptz not null,
    -- the last watchdog pass that still saw the condition
    last_seen_at    timestamptz not null,
    closed_at       timestamptz,
    -- 'watchdog' or the operator who closed it, and why
    closed_by       text,
    closed_reason   text
);
-- a condition has at most one open alert: a pass that sees it again refreshes last_seen_at instead
create unique index alert_open_key on alert (alert_key) where closed_at is null;
create index alert_open on alert (partner_id, kind) where closed_at is null;
create index alert_po on alert (partner_id, po_number, raised_at);

-- the watchdog looks for what we sent and the partner never acknowledged
create index outbound_document_unacknowledged on outbound_document (partner_id, created_at)
    where acknowledged is null and group_control_number is not null;
