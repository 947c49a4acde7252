-- Issued files by their digest: an uploaded file is recognised as issued here.
CREATE INDEX issued_files_sha256 ON issued_files (sha256);
