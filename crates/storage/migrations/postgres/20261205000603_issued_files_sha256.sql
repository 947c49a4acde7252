-- no-transaction
-- Issued files by their digest: an uploaded file is recognised as issued here.
-- squawk-ignore require-lock-timeout
CREATE INDEX CONCURRENTLY IF NOT EXISTS issued_files_sha256 ON issued_files (sha256);
