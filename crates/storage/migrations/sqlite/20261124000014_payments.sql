-- Fees: one payment order per case, issued when the fee falls due, and what
-- payment providers reported about it.
CREATE TABLE payment_orders (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL UNIQUE REFERENCES cases (id) ON DELETE CASCADE,
    reference TEXT NOT NULL UNIQUE,
    -- rf, mpay-style or treasury-case
    scheme TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'paid', 'refunded')),
    created_at BIGINT NOT NULL,
    paid_at BIGINT,
    paid_by TEXT CHECK (paid_by IN ('provider', 'operator')),
    provider TEXT,
    provider_transaction_id TEXT
);

-- The sequence numbers RF and MPay-style references are made from, per scheme.
CREATE TABLE payment_counters (
    scheme TEXT PRIMARY KEY,
    last_sequence BIGINT NOT NULL
);

-- Each provider event once: a resent webhook finds its row already there.
CREATE TABLE payment_events (
    provider TEXT NOT NULL,
    transaction_id TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    status TEXT NOT NULL,
    order_id TEXT NOT NULL REFERENCES payment_orders (id) ON DELETE CASCADE,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (provider, transaction_id, sequence)
);
CREATE INDEX payment_events_order ON payment_events (order_id);
