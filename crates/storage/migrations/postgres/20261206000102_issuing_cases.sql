-- A case being issued electronically, by one server until `taken_until` (microseconds):
-- a second server (a sweep, an officer) that finds it taken leaves it, so no
-- document number is reserved twice for one case and left unused.
SET LOCAL lock_timeout = '5s';

CREATE TABLE issuing_cases (
    case_id TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    taken_until BIGINT NOT NULL
);
