-- One pre-filled payment order for the fees of several cases of one
-- authority, chosen by a person who may act for each case. Paying it pays
-- each case's own order once; a line whose case was paid or waived
-- meanwhile keeps its share flagged to be given back. Its events and the
-- money its provider transactions brought are kept as for single orders.
CREATE TABLE fee_orders (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
    authority_id TEXT NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    -- rf, mpay-style or treasury-case
    scheme TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'paid', 'refunded')),
    created_at BIGINT NOT NULL,
    paid_at BIGINT,
    provider TEXT,
    provider_transaction_id TEXT
);
CREATE INDEX fee_orders_person ON fee_orders (person_id, created_at);

CREATE TABLE fee_order_lines (
    fee_order_id TEXT NOT NULL REFERENCES fee_orders (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    payment_order_id TEXT NOT NULL REFERENCES payment_orders (id) ON DELETE CASCADE,
    amount_minor BIGINT NOT NULL,
    -- paid: the order's payment paid this case's fee; surplus: the case's fee
    -- was paid or waived otherwise, so this share is to be given back
    outcome TEXT CHECK (outcome IN ('paid', 'surplus')),
    PRIMARY KEY (fee_order_id, case_id)
);
CREATE INDEX fee_order_lines_case ON fee_order_lines (case_id);
CREATE INDEX fee_order_lines_payment_order ON fee_order_lines (payment_order_id);

CREATE TABLE fee_order_events (
    provider TEXT NOT NULL,
    transaction_id TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    status TEXT NOT NULL,
    order_id TEXT NOT NULL REFERENCES fee_orders (id) ON DELETE CASCADE,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (provider, transaction_id, sequence)
);
CREATE INDEX fee_order_events_order ON fee_order_events (order_id);

CREATE TABLE fee_order_transactions (
    provider TEXT NOT NULL,
    transaction_id TEXT NOT NULL,
    order_id TEXT NOT NULL REFERENCES fee_orders (id) ON DELETE CASCADE,
    -- paid: it paid the order; surplus: a second payment, to be refunded
    role TEXT NOT NULL CHECK (role IN ('paid', 'surplus')),
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    refunded_at BIGINT,
    PRIMARY KEY (provider, transaction_id)
);
CREATE INDEX fee_order_transactions_order ON fee_order_transactions (order_id);
