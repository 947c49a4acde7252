-- Which catalogue was in force when: every distinct catalogue a server
-- started with, by content hash, so a quote can be traced to its fee table.
CREATE TABLE catalogue_revisions (
    content_sha256 TEXT PRIMARY KEY,
    services INTEGER NOT NULL,
    first_loaded_at TEXT NOT NULL,
    last_loaded_at TEXT NOT NULL
);
