-- Applications and what happens to them. The holder is the applicant's own
-- person or one of their wards; their facts are copied at submission so the
-- case keeps what was decided on.
CREATE TABLE case_counters (
    authority_id TEXT NOT NULL,
    year BIGINT NOT NULL,
    last_sequence BIGINT NOT NULL,
    PRIMARY KEY (authority_id, year)
);

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    reference TEXT UNIQUE,
    authority_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    applicant_id TEXT NOT NULL REFERENCES persons (id),
    holder_person_id TEXT REFERENCES persons (id),
    holder_ward_id TEXT REFERENCES wards (id),
    holder_given_name TEXT NOT NULL,
    holder_family_name TEXT NOT NULL,
    holder_birth_date TEXT,
    holder_region TEXT,
    category_id TEXT,
    answers TEXT NOT NULL,
    office_id TEXT,
    state TEXT NOT NULL,
    assignee_id TEXT REFERENCES persons (id),
    filed_on TEXT,
    deadline TEXT,
    fee_minor BIGINT,
    currency TEXT NOT NULL,
    pickup_office_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    CHECK ((holder_person_id IS NULL) <> (holder_ward_id IS NULL))
);
CREATE INDEX cases_applicant ON cases (applicant_id, updated_at);
CREATE INDEX cases_holder_ward ON cases (holder_ward_id);
CREATE INDEX cases_queue ON cases (office_id, state, filed_on);

-- Every move of a case: who, when, why.
CREATE TABLE case_events (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    sequence BIGINT NOT NULL,
    at BIGINT NOT NULL,
    actor_id TEXT,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    reason TEXT,
    PRIMARY KEY (case_id, sequence)
);

-- Scans uploaded for a required document. Replaced scans are kept, marked.
CREATE TABLE case_documents (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    requirement_id TEXT NOT NULL,
    object_key TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_kind TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by TEXT NOT NULL REFERENCES persons (id),
    uploaded_at BIGINT NOT NULL,
    review TEXT NOT NULL DEFAULT 'pending',
    review_reason TEXT,
    true_copy INTEGER NOT NULL DEFAULT 0,
    replaced_at BIGINT
);
CREATE INDEX case_documents_case ON case_documents (case_id, requirement_id);

-- A retried request with the same key returns the first answer.
CREATE TABLE idempotency_keys (
    person_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response_status BIGINT,
    response_body TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (person_id, key)
);

-- Where the person lives, as an ISO 3166-2 division: it decides the office.
ALTER TABLE profiles ADD COLUMN domicile_region TEXT;
