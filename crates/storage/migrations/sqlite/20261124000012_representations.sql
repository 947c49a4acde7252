-- Powers of attorney an operator checked: the representative may act for the
-- principal on one named case, from the issue date until the expiry date.
CREATE TABLE representations (
    id TEXT PRIMARY KEY,
    principal_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    representative_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    case_reference TEXT NOT NULL,
    attorney_number TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    scope TEXT NOT NULL,
    office_id TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES persons (id),
    recorded_at BIGINT NOT NULL,
    revoked_at BIGINT,
    CHECK (principal_id <> representative_id)
);
CREATE INDEX representations_principal ON representations (principal_id);
CREATE INDEX representations_representative ON representations (representative_id);
CREATE INDEX representations_case ON representations (case_reference);
