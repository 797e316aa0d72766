-- An uploaded file over the size limit (edihub.intake.max-document-bytes) is refused from its listed size without
-- being read (io.edihub.intake.TooLargeInputs): its record keeps the name, size, outcome and report, but no content
-- and so no SHA-256; the file itself is kept in the partner's error/ folder. Every other input keeps both.
alter table inbound_document alter column content drop not null;
alter table inbound_document alter column sha256 drop not null;
alter table inbound_document add constraint inbound_document_content_kept
    check ((content is not null and sha256 is not null) or outcome = 'REJECTED');
