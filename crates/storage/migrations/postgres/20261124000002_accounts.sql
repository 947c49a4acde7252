-- People with an account, their sessions, and single-use tokens.
-- Times are unix microseconds (UTC); ids are UUIDs as text.
CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    email_verified_at BIGINT,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    assurance TEXT NOT NULL DEFAULT 'email',
    given_name TEXT,
    family_name TEXT,
    preferred_lang TEXT NOT NULL DEFAULT 'ro',
    national_id_country TEXT,
    national_id TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX persons_national_id ON persons (national_id_country, national_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    second_factor_pending INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_person ON sessions (person_id);

CREATE TABLE account_tokens (
    token_hash TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

-- Attempts per key (an account or an address) in a fixed window.
CREATE TABLE throttle (
    key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    attempts BIGINT NOT NULL
);
