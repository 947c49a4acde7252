-- The registry: each issued document's standing (see the domain's
-- registry::Standing), since when, and every change to it with who made it,
-- where and why. A document is valid when handed over; nothing here brings
-- one back into force.
ALTER TABLE issued_documents ADD COLUMN standing TEXT NOT NULL DEFAULT 'valid'
    CHECK (standing IN ('awaiting-collection', 'valid', 'reported-lost', 'reported-stolen',
                        'invalidated', 'replaced', 'not-collected'));
ALTER TABLE issued_documents ADD COLUMN standing_since TEXT;

CREATE TABLE document_events (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES issued_documents (id),
    action TEXT NOT NULL,
    from_standing TEXT NOT NULL,
    to_standing TEXT NOT NULL,
    actor_id TEXT REFERENCES persons (id),
    actor_role TEXT NOT NULL,
    reason TEXT,
    place TEXT,
    circumstances TEXT,
    police_report TEXT,
    at BIGINT NOT NULL
);
CREATE INDEX document_events_document ON document_events (document_id, at);
