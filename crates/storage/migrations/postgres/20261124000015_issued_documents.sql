-- Documents handed over: what was issued to whom, valid until when, and who
-- received it against their signature. The document registry builds on this.
CREATE TABLE document_counters (
    authority_id TEXT NOT NULL,
    year BIGINT NOT NULL,
    last_sequence BIGINT NOT NULL,
    PRIMARY KEY (authority_id, year)
);

CREATE TABLE issued_documents (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    case_id TEXT NOT NULL UNIQUE REFERENCES cases (id),
    service_id TEXT NOT NULL,
    authority_id TEXT NOT NULL,
    holder_person_id TEXT REFERENCES persons (id),
    holder_ward_id TEXT REFERENCES wards (id),
    holder_name TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    expires_on TEXT,
    office_id TEXT NOT NULL,
    received_by_kind TEXT NOT NULL,
    received_by_name TEXT NOT NULL,
    receiver_document TEXT NOT NULL,
    attorney_number TEXT,
    attorney_date TEXT,
    signature_name TEXT NOT NULL,
    handed_over_by TEXT NOT NULL REFERENCES persons (id),
    handed_over_at BIGINT NOT NULL
);
CREATE INDEX issued_documents_holder ON issued_documents (holder_person_id);
CREATE INDEX issued_documents_ward ON issued_documents (holder_ward_id);
