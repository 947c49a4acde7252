-- Staff belong to one authority (administrators without one serve every
-- authority) and operators to one or more of its offices (catalogue ids).
ALTER TABLE persons ADD COLUMN authority_id TEXT;

CREATE TABLE staff_offices (
    person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    office_id TEXT NOT NULL,
    PRIMARY KEY (person_id, office_id)
);
CREATE INDEX staff_offices_office ON staff_offices (office_id);

-- The office where a guardian shows the evidence; its operators decide.
ALTER TABLE guardianships ADD COLUMN office_id TEXT;
CREATE INDEX guardianships_by_office ON guardianships (office_id, status, requested_at);
