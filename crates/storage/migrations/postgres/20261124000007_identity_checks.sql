-- Identity documents an operator checked at a counter ("in-person" assurance).
-- The document number is kept masked; the national id lives on the person.
CREATE TABLE identity_checks (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    operator_id TEXT NOT NULL REFERENCES persons (id),
    document_type TEXT NOT NULL,
    document_number_masked TEXT NOT NULL,
    checked_at BIGINT NOT NULL
);
CREATE INDEX identity_checks_person ON identity_checks (person_id);
