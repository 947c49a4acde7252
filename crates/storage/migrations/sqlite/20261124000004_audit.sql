-- The audit log: append-only and hash-chained (see ghiseu_domain::audit).
-- Times are unix microseconds (UTC); detail is JSON text.
CREATE TABLE audit_log (
    sequence INTEGER PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT,
    actor_role TEXT,
    action TEXT NOT NULL,
    subject TEXT,
    on_behalf_of TEXT,
    source_ip TEXT,
    detail TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject, sequence);

-- The one row every append updates first, so appends take turns.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_sequence BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
