-- A document delivered over AS2 (a partner with an as2: section, docs/as2.md): the AS2 Message-ID it went under, the MIC
-- the partner's MDN must return for it, when it went, and the MDN: PENDING until it comes (the watchdog alerts on one
-- missing after the partner's acknowledgment threshold, as on a missing 997), then VERIFIED (signed by the partner,
-- processed, our MIC), NEGATIVE (the partner refused the message: processed/error, failed) or INVALID (unsigned, a bad
-- signature, a MIC that is not ours); the last two are alerted at once.
alter table outbound_document add column as2_message_id text;
alter table outbound_document add column as2_mic text;
alter table outbound_document add column as2_sent_at timestamptz;
alter table outbound_document add column mdn_status text check (mdn_status in ('PENDING', 'VERIFIED', 'NEGATIVE', 'INVALID'));
alter table outbound_document add column mdn_detail text;
alter table outbound_document add column mdn_received_at timestamptz;
create unique index outbound_document_as2_message on outbound_document (as2_message_id) where as2_message_id is not null;
create index outbound_document_mdn_pending on outbound_document (id) where mdn_status = 'PENDING';

-- the watchdog and the timeline see the MDN beside the partner's 997
create or replace view outbound_document_overview as
select id, partner_id, kind, file_name, control_number, group_control_number, po_number, release_id,
       inbound_document_id, created_at, written_at, acknowledged, as2_message_id, as2_sent_at, mdn_status, mdn_detail,
       mdn_received_at
  from outbound_document;
