-- Expiry reminders: what each person wants to be told (thresholds in days
-- before an expiry, comma-separated, and whether to be told about chip
-- certificates and uncollected documents), and every reminder already
-- queued, one row per document (or ready case), recipient, kind and
-- threshold: a scan inserts the row and queues the message only if the
-- insert took effect, so no reminder goes out twice, whoever scans.
CREATE TABLE reminder_preferences (
    person_id TEXT PRIMARY KEY REFERENCES persons (id),
    thresholds TEXT NOT NULL,
    largest_threshold BIGINT NOT NULL,
    certificates BIGINT NOT NULL,
    not_collected BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE document_reminders (
    document_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('expiry', 'eid', 'signature', 'not-collected')),
    threshold BIGINT NOT NULL,
    sent_on TEXT NOT NULL,
    PRIMARY KEY (document_id, person_id, kind, threshold)
);
