-- What a person tells about themselves beyond their account, and which
-- messages they want by which channel. Names and the preferred language
-- stay in persons. Dates are ISO text (YYYY-MM-DD); times unix microseconds.
CREATE TABLE profiles (
    person_id TEXT PRIMARY KEY REFERENCES persons (id) ON DELETE CASCADE,
    birth_date TEXT,
    citizenship TEXT,
    phone TEXT,
    domicile_country TEXT,
    domicile_locality TEXT,
    domicile_address TEXT,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL
);

-- Only choices a person made are stored; anything missing takes its default.
CREATE TABLE notification_preferences (
    person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    PRIMARY KEY (person_id, kind, channel)
);
