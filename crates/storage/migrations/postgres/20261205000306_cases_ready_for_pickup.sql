-- no-transaction
-- Cases whose document is ready at an office.
-- squawk-ignore require-lock-timeout
CREATE INDEX CONCURRENTLY IF NOT EXISTS cases_ready_for_pickup ON cases (id) WHERE state = 'ready-for-pickup';
