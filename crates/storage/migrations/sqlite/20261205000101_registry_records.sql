-- Issued documents as the registry's records: a document type from the
-- authority's catalogue, a digest of the holder's personal id (the key of the
-- public check; the id itself is not kept here), the expiry of the
-- certificates on an identity card's chip, the facts its validity was
-- computed from, and where the record came from. A document imported from
-- the authority's earlier register has no case and no counter handover, so
-- those columns may be empty: SQLite cannot relax NOT NULL in place, so the
-- table is rebuilt (document_events' reference is checked at commit).
-- Children may carry their personal id.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE issued_documents_next (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    case_id TEXT UNIQUE REFERENCES cases (id),
    service_id TEXT,
    authority_id TEXT NOT NULL,
    holder_person_id TEXT REFERENCES persons (id),
    holder_ward_id TEXT REFERENCES wards (id),
    holder_name TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    expires_on TEXT,
    office_id TEXT NOT NULL,
    received_by_kind TEXT,
    received_by_name TEXT,
    receiver_document TEXT,
    attorney_number TEXT,
    attorney_date TEXT,
    signature_name TEXT,
    handed_over_by TEXT REFERENCES persons (id),
    handed_over_at BIGINT,
    standing TEXT NOT NULL DEFAULT 'valid'
        CHECK (standing IN ('awaiting-collection', 'valid', 'reported-lost', 'reported-stolen',
                            'invalidated', 'replaced', 'not-collected')),
    standing_since TEXT,
    document_type TEXT,
    holder_id_digest TEXT,
    eid_expires_on TEXT,
    signature_expires_on TEXT,
    validity_facts TEXT,
    source TEXT NOT NULL DEFAULT 'counter',
    replaced_by TEXT
);
INSERT INTO issued_documents_next (id, number, case_id, service_id, authority_id,
    holder_person_id, holder_ward_id, holder_name, issued_on, expires_on, office_id,
    received_by_kind, received_by_name, receiver_document, attorney_number, attorney_date,
    signature_name, handed_over_by, handed_over_at, standing, standing_since)
SELECT id, number, case_id, service_id, authority_id, holder_person_id, holder_ward_id,
    holder_name, issued_on, expires_on, office_id, received_by_kind, received_by_name,
    receiver_document, attorney_number, attorney_date, signature_name, handed_over_by,
    handed_over_at, standing, standing_since
FROM issued_documents;
DROP TABLE issued_documents;
ALTER TABLE issued_documents_next RENAME TO issued_documents;
CREATE INDEX issued_documents_holder ON issued_documents (holder_person_id);
CREATE INDEX issued_documents_ward ON issued_documents (holder_ward_id);

ALTER TABLE wards ADD COLUMN national_id_country TEXT;
ALTER TABLE wards ADD COLUMN national_id TEXT;
