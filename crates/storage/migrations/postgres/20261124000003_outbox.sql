-- Messages waiting to be delivered, queued in the same transaction as the
-- change that causes them. Times are unix microseconds (UTC); ids are UUIDs.
CREATE TABLE outbox_messages (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    person_id TEXT,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_until BIGINT,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
-- The worker's claim: due pending messages, and in-flight ones whose lease ran out.
CREATE INDEX outbox_messages_due ON outbox_messages (status, next_attempt_at);
CREATE INDEX outbox_messages_person ON outbox_messages (person_id, created_at);
