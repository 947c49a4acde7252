-- The file of a document issued electronically (the signed PDF), kept with
-- its registry record: both are written in one transaction, so there is
-- never a record without its file or a file without its record.
CREATE TABLE issued_files (
    document_id TEXT PRIMARY KEY REFERENCES issued_documents (id),
    media_type TEXT NOT NULL,
    content BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    -- The text its QR code carries (GHS1:…), to show and to verify offline.
    seal TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
