-- The money each provider transaction brought for a payment order, and what
-- became of it: it paid the order, or it came after the order was already
-- paid and is to be given back. A refund the provider reports is kept on
-- the transaction's row, so a refunded payment never pays again.
CREATE TABLE payment_transactions (
    provider TEXT NOT NULL,
    transaction_id TEXT NOT NULL,
    order_id TEXT NOT NULL REFERENCES payment_orders (id) ON DELETE CASCADE,
    -- paid: it paid the order; surplus: a second payment, to be refunded
    role TEXT NOT NULL CHECK (role IN ('paid', 'surplus')),
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    refunded_at BIGINT,
    PRIMARY KEY (provider, transaction_id)
);
CREATE INDEX payment_transactions_order ON payment_transactions (order_id);

-- Orders paid online before this table existed.
INSERT INTO payment_transactions (provider, transaction_id, order_id, role, amount_minor,
    currency, received_at)
SELECT provider, provider_transaction_id, id, 'paid', amount_minor, currency, paid_at
FROM payment_orders
WHERE status = 'paid' AND paid_by = 'provider' AND provider IS NOT NULL
    AND provider_transaction_id IS NOT NULL AND paid_at IS NOT NULL;
