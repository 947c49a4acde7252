-- no-transaction
-- Cases whose document is ready at an office.
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS cases_ready_for_pickup ON cases (id) WHERE state = 'ready-for-pickup';
RESET lock_timeout;
