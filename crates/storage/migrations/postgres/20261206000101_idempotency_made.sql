-- What the first attempt under an idempotency key made (a draft, a fee
-- order), written in the same transaction as the thing itself. A retry that
-- takes over an abandoned key answers with it instead of making another.
SET LOCAL lock_timeout = '5s';

ALTER TABLE idempotency_keys ADD COLUMN made TEXT;
