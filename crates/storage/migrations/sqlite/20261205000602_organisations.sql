-- Organisations (legal entities) by their registration code, the people an
-- operator recorded as their representatives (with what proves it), and the
-- cases a representative opened for an organisation. A case keeps its
-- representative as the holder person; the organisation is what it is for.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    country TEXT NOT NULL,
    registration_code TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (country, registration_code)
);

CREATE TABLE organisation_representatives (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    person_id TEXT NOT NULL REFERENCES persons (id),
    evidence TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES persons (id),
    office_id TEXT NOT NULL,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, person_id)
);
CREATE INDEX organisation_representatives_person ON organisation_representatives (person_id);

CREATE TABLE case_organisations (
    case_id TEXT PRIMARY KEY REFERENCES cases (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id)
);
