-- The file of a document issued electronically (the signed PDF), kept with
-- its registry record: both are written in one transaction, so there is
-- never a record without its file or a file without its record.
-- The foreign key locks issued_documents briefly.
SET LOCAL lock_timeout = '5s';

CREATE TABLE issued_files (
    document_id TEXT PRIMARY KEY REFERENCES issued_documents (id),
    media_type TEXT NOT NULL,
    content BYTEA NOT NULL,
    sha256 TEXT NOT NULL,
    -- The text its QR code carries (GHS1:…), to show and to verify offline.
    seal TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
