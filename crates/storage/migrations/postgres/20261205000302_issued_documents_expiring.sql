-- no-transaction
-- The documents in force by expiry, as the reminder scan walks them.
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS issued_documents_expiring ON issued_documents (expires_on, id) WHERE standing IN ('valid', 'awaiting-collection') AND expires_on IS NOT NULL;
RESET lock_timeout;
