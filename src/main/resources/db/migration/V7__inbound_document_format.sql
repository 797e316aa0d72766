-- The format each input was recognised as (X12, EDIFACT, JSON, CSV, ACCEPTANCE_JSON, ACCEPTANCE_CSV, UNKNOWN),
-- so operators can count what each partner sends per format straight from the record, across restarts and
-- replicas. Nullable: rows written by code that does not know the column yet count as UNKNOWN.
alter table inbound_document add column format text;

-- inputs taken before this column existed: recognised again from their first bytes (after a UTF-8 byte
-- order mark and whitespace), the way the intake does; an acceptance is known by the acceptance it gave
with head as (
    -- encode(..., 'escape') never fails, whatever bytes a broken input holds
    select id, ltrim(encode(case when substring(content from 1 for 3) = '\xefbbbf'::bytea
                                 then substring(content from 4 for 256) else substring(content from 1 for 256) end,
                            'escape'), E' \t\r\n\f') as text
    from inbound_document
)
update inbound_document d set format = case
        when head.text like 'ISA%' then 'X12'
        when head.text like 'UNA%' or head.text like 'UNB%' then 'EDIFACT'
        when head.text like '{%' or head.text like '[%' then
            case when exists (select 1 from acceptance a where a.document_id = d.id) then 'ACCEPTANCE_JSON' else 'JSON' end
        when head.text like '%po\_number%' then
            case when exists (select 1 from acceptance a where a.document_id = d.id) then 'ACCEPTANCE_CSV' else 'CSV' end
        else 'UNKNOWN' end
from head
where head.id = d.id;
