-- A fee an operator waived, with the reason in the case's history and the
-- audit log: the order stays unpaid and is no longer payable.
SET LOCAL lock_timeout = '5s';

ALTER TABLE payment_orders ADD COLUMN waived_at BIGINT;
